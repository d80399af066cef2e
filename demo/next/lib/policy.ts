import type { ComponentName, CustomerSessionComponentsParams } from 'react-stripe-customer-session/server';

/** What a session from this shop may enable: the pricing table and the Payment Element with saved cards. */
export const policy: CustomerSessionComponentsParams = {
  payment_element: {
    enabled: true,
    features: { payment_method_redisplay: 'enabled', payment_method_save: 'enabled', payment_method_save_usage: 'off_session' },
  },
  pricing_table: { enabled: true },
};

/**
 * The sessions the page creates while it renders, in the order `Pricing` hands them out: the
 * provider's own (its state: what the page's elements may show), then one per customer-aware element
 * it renders, each for that element's component alone (Stripe's secrets are single-use).
 */
export const pageSessions: readonly (readonly ComponentName[])[] = [['payment_element', 'pricing_table'], ['pricing_table'], ['payment_element']];
