import type { CustomerSessionComponentsParams } from 'react-stripe-customer-session/server';

/** What a session from this shop may enable: the pricing table and the Payment Element with saved cards. */
export const policy: CustomerSessionComponentsParams = {
  payment_element: {
    enabled: true,
    features: { payment_method_redisplay: 'enabled', payment_method_save: 'enabled', payment_method_save_usage: 'off_session' },
  },
  pricing_table: { enabled: true },
};
