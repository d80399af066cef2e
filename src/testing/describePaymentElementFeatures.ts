import type { CustomerSession } from '../core/types';

/** The saved-payment-method features a session gives the Payment Element, as `[label, on]` rows. */
export function describePaymentElementFeatures(session: CustomerSession): Array<[label: string, on: boolean]> {
  const features = session.components.payment_element.features;
  const limit = features?.payment_method_redisplay_limit ?? 3;
  const usage = features?.payment_method_save_usage;
  const filters = features?.payment_method_allow_redisplay_filters ?? ['always'];
  return [
    [`Shows saved payment methods (up to ${limit})`, features?.payment_method_redisplay === 'enabled'],
    [`Offers to save new payment methods${usage ? ` (${usage})` : ''}`, features?.payment_method_save === 'enabled'],
    ['Lets the customer remove saved payment methods', features?.payment_method_remove === 'enabled'],
    [`Redisplays allow_redisplay: ${filters.join(', ')}`, true],
  ];
}
