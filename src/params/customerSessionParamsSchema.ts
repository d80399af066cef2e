import type { ObjectParamSchema, ParamSchema } from './ParamSchema';

// Written from shared/reference/stripe-create-customer-session.md (API version 2025-09-30.clover).
// `active_entitlements`, `customer_portal` and `expand` exist in newer SDK typings but not in this
// reference, so they are unknown parameters here.
const allowRedisplay: ParamSchema = { type: 'enum', values: ['always', 'limited', 'unspecified'] };
const toggle: ParamSchema = { type: 'enum', values: ['disabled', 'enabled'] };
const filters: ParamSchema = { type: 'array', items: allowRedisplay };
const enabled: ParamSchema = { type: 'boolean' };

function component(features?: ObjectParamSchema['fields']): ObjectParamSchema {
  const fields: Record<string, ParamSchema> = { enabled };
  if (features) fields.features = { type: 'object', fields: features };
  return { type: 'object', fields, required: ['enabled'] };
}

/** The schema of `POST /v1/customer_sessions` params. */
export const customerSessionParamsSchema: ObjectParamSchema = {
  type: 'object',
  required: ['components'],
  fields: {
    components: {
      type: 'object',
      fields: {
        buy_button: component(),
        customer_sheet: component({
          payment_method_allow_redisplay_filters: filters,
          payment_method_remove: toggle,
        }),
        mobile_payment_element: component({
          payment_method_allow_redisplay_filters: filters,
          payment_method_redisplay: toggle,
          payment_method_remove: toggle,
          payment_method_save: toggle,
          payment_method_save_allow_redisplay_override: allowRedisplay,
        }),
        payment_element: component({
          payment_method_allow_redisplay_filters: filters,
          payment_method_redisplay: toggle,
          payment_method_redisplay_limit: { type: 'integer', min: 1, max: 10 },
          payment_method_remove: toggle,
          payment_method_save: toggle,
          payment_method_save_usage: { type: 'enum', values: ['off_session', 'on_session'] },
        }),
        pricing_table: component(),
      },
    },
    customer: { type: 'string' },
    customer_account: { type: 'string' },
  },
};
