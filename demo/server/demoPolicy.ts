import type { CustomerSessionComponentsParams } from '../../src/core/types';

/** What the shop's endpoint lets a session enable: all three web components, saved cards on. */
export const demoPolicy: CustomerSessionComponentsParams = {
  payment_element: {
    enabled: true,
    features: {
      payment_method_redisplay: 'enabled',
      payment_method_redisplay_limit: 3,
      payment_method_save: 'enabled',
      payment_method_save_usage: 'off_session',
      payment_method_remove: 'enabled',
    },
  },
  pricing_table: { enabled: true },
  buy_button: { enabled: true },
};
