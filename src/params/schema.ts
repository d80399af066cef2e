/**
 * The wire schema of `POST /v1/customer_sessions`: one table drives validation, form coercion and the
 * emulator. Every rule names its source, in the project's order of authority:
 * - [sdk]    stripe 23's types, `stripe/esm/resources/CustomerSessions.d.ts` (API 2026-10-28.endive);
 * - [schema] `request` / `schemas` in shared/reference/stripe-openapi-customer-sessions.json (Stripe's
 *            OpenAPI, API 2026-07-29.dahlia);
 * - [prose]  shared/reference/stripe-create-customer-session.md, for rules the schema leaves out.
 * Nothing else is enforced here: who the session is for (`customer` or `customer_account`) is the
 * server's own rule, in `resolveCustomer`'s contract, not the API's.
 */

/** A node of the params schema. */
export type ParamSchema =
  | { type: 'boolean' }
  | { type: 'string'; maxLength?: number }
  | { type: 'integer'; max?: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'array'; items: ParamSchema }
  | ObjectParamSchema;

export interface ObjectParamSchema {
  type: 'object';
  /** Known keys, in the order problems are reported. Any other key is `parameter_unknown`. */
  fields: Readonly<Record<string, ParamSchema>>;
  required?: readonly string[];
}

/** Stripe's bracketed param path: `paramPath('components', 'buy_button')` → `components[buy_button]`. */
export function paramPath(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}[${key}]`;
}

// [schema] every string param and `expand` item has `maxLength: 5000`.
const id: ParamSchema = { type: 'string', maxLength: 5000 };
const allowRedisplay: ParamSchema = { type: 'enum', values: ['always', 'limited', 'unspecified'] };
const toggle: ParamSchema = { type: 'enum', values: ['disabled', 'enabled'] };
const filters: ParamSchema = { type: 'array', items: allowRedisplay };

// [schema] each component is an object whose `enabled` boolean is required. The schema leaves its
// `additionalProperties` unstated; Stripe refuses any param it does not list, so unlisted keys are unknown.
function component(features?: ObjectParamSchema['fields']): ObjectParamSchema {
  const fields: Record<string, ParamSchema> = { enabled: { type: 'boolean' } };
  if (features) fields.features = { type: 'object', fields: features };
  return { type: 'object', fields, required: ['enabled'] };
}

/** The params of `POST /v1/customer_sessions`, in the schema's (alphabetical) order. */
export const customerSessionParamsSchema: ObjectParamSchema = {
  type: 'object',
  // [schema] `required: ["components"]`, `additionalProperties: false`.
  required: ['components'],
  fields: {
    components: {
      type: 'object',
      fields: {
        active_entitlements: component(), // [sdk] not in the schema yet
        buy_button: component(),
        customer_portal: component(), // [sdk] not in the schema yet
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
          // [schema] an integer; [prose] "The maximum redisplay limit is `10`". No minimum is cited.
          payment_method_redisplay_limit: { type: 'integer', max: 10 },
          payment_method_remove: toggle,
          payment_method_save: toggle,
          payment_method_save_usage: { type: 'enum', values: ['off_session', 'on_session'] },
        }),
        pricing_table: component(),
      },
    },
    customer: id,
    customer_account: id,
    expand: { type: 'array', items: id },
  },
};

/**
 * A tree of what `expand` may name on the Customer Session object: each key an expandable field,
 * `'any'` where the reference does not say what lies below.
 */
export interface ExpandableFields {
  readonly [field: string]: ExpandableFields | 'any';
}

const withFeatures: ExpandableFields = { features: {} };

/**
 * [schema] `x-expandableFields` of `customer_session` (`components`, `customer`), of its components
 * object (the five components the schema lists) and of each component (`features` where it has
 * them). The Customer's own expandable fields are not in the reference (its schema is left out), so
 * any path below `customer` is left for Stripe to judge.
 */
export const expandableFields: ExpandableFields = {
  components: {
    buy_button: {},
    customer_sheet: withFeatures,
    mobile_payment_element: withFeatures,
    payment_element: withFeatures,
    pricing_table: {},
  },
  customer: 'any',
};
