import qs from 'qs';

/**
 * Encodes params as Stripe's form body: nested keys in brackets, arrays with indices
 * (`components[payment_element][features][payment_method_allow_redisplay_filters][0]=always`),
 * booleans and numbers as text. Brackets stay literal, as the official SDKs send them.
 * `undefined` members are left out; `null` becomes an empty value (Stripe's "unset").
 */
export function encodeStripeForm(params: object): string {
  return qs
    .stringify(params, { arrayFormat: 'indices' })
    .replace(/%5B/gi, '[')
    .replace(/%5D/gi, ']');
}
