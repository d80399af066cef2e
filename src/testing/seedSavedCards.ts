import type { AllowRedisplay } from '../core/types';
import type { EmulatorPaymentMethod, EmulatorSavedCard, StripeEmulator } from './emulator/types';

// Stripe's test cards by brand; the last 4 vary so every seeded card reads differently on screen.
const cards: ReadonlyArray<Pick<EmulatorSavedCard, 'brand' | 'last4'>> = [
  { brand: 'visa', last4: '4242' },
  { brand: 'mastercard', last4: '4444' },
  { brand: 'amex', last4: '8431' },
  { brand: 'discover', last4: '1117' },
  { brand: 'visa', last4: '5556' },
  { brand: 'mastercard', last4: '5100' },
  { brand: 'jcb', last4: '0000' },
  { brand: 'diners', last4: '0004' },
  { brand: 'unionpay', last4: '0005' },
  { brand: 'visa', last4: '1881' },
  { brand: 'mastercard', last4: '8210' },
  { brand: 'amex', last4: '0005' },
];

/**
 * Seeds a customer's saved cards for stories and tests: one card PaymentMethod per entry of
 * `allowRedisplay` (or `count` cards marked `always`), attached to `customer`, each a different
 * brand/last 4 with its own expiry. Created oldest first, so Stripe's newest-first lists show the last
 * entry first. Returns them in creation order.
 *
 * @example
 * seedSavedCards(emulator, customer.id, ['always', 'limited', 'unspecified']);
 */
export function seedSavedCards(
  emulator: Pick<StripeEmulator, 'createPaymentMethod'>,
  customer: string,
  allowRedisplay: readonly AllowRedisplay[] | number,
): EmulatorPaymentMethod[] {
  const marks = typeof allowRedisplay === 'number' ? Array.from({ length: allowRedisplay }, (): AllowRedisplay => 'always') : allowRedisplay;
  const year = new Date().getUTCFullYear();
  return marks.map((mark, index) => {
    const card = cards[index % cards.length] ?? { brand: 'visa', last4: '4242' };
    return emulator.createPaymentMethod({
      ...card,
      exp_month: (index % 12) + 1,
      exp_year: year + 1 + (index % 5),
      allow_redisplay: mark,
      customer,
    });
  });
}
