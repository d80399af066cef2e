import type { AllowRedisplay, CustomerSession, PaymentElementFeatures } from '../core/types';
import type { EmulatorStripeClient } from './createEmulatorStripeClient';
import type { EmulatorPaymentMethod } from './emulator/types';

const brandNames: Record<string, string> = {
  amex: 'American Express',
  diners: 'Diners Club',
  discover: 'Discover',
  jcb: 'JCB',
  mastercard: 'Mastercard',
  unionpay: 'UnionPay',
  visa: 'Visa',
};

/** How the Payment Element names a saved card: brand and last 4, e.g. `Visa ending in 4242`. */
export function savedCardName(method: EmulatorPaymentMethod): string {
  return `${brandNames[method.card.brand] ?? 'Card'} ending in ${method.card.last4}`;
}

/** `MM/YY`, as the card's expiry is printed beside it. */
export function savedCardExpiry(method: EmulatorPaymentMethod): string {
  return `${String(method.card.exp_month).padStart(2, '0')}/${String(method.card.exp_year % 100).padStart(2, '0')}`;
}

/** The Payment Element features of a session, with Stripe's documented defaults filled in. */
export function paymentElementFeatures(session: CustomerSession): PaymentElementFeatures & { payment_method_redisplay_limit: number } {
  const features = session.components.payment_element.features;
  return {
    payment_method_redisplay: features?.payment_method_redisplay ?? 'disabled',
    // Stripe: "This parameter defaults to 3. The maximum redisplay limit is 10."
    payment_method_redisplay_limit: features?.payment_method_redisplay_limit ?? 3,
    // Stripe: "If not specified, defaults to ["always"]."
    payment_method_allow_redisplay_filters: features?.payment_method_allow_redisplay_filters ?? (['always'] as AllowRedisplay[]),
    payment_method_remove: features?.payment_method_remove ?? 'disabled',
    payment_method_save: features?.payment_method_save ?? 'disabled',
    payment_method_save_usage: features?.payment_method_save_usage ?? null,
  };
}

/**
 * The saved cards the Payment Element shows for `session`: none unless `payment_method_redisplay`
 * is enabled; otherwise the customer's cards, newest first, whose `allow_redisplay` is among
 * `payment_method_allow_redisplay_filters`, cut to `payment_method_redisplay_limit`.
 */
export async function listRedisplayedCards(client: EmulatorStripeClient, session: CustomerSession): Promise<EmulatorPaymentMethod[]> {
  const features = paymentElementFeatures(session);
  const customer = typeof session.customer === 'string' ? session.customer : null;
  if (features.payment_method_redisplay !== 'enabled' || customer === null) return [];
  const filters: readonly string[] = features.payment_method_allow_redisplay_filters;
  const { data } = await client.customers.listPaymentMethods(customer, { type: 'card', limit: 100 });
  return data.filter((method) => filters.includes(method.allow_redisplay)).slice(0, features.payment_method_redisplay_limit);
}
