import qs from 'qs';

/**
 * Decodes a Stripe form body into nested objects and arrays of strings (the inverse of
 * `encodeStripeForm`). Values stay strings; `coerceFormParams` types them by the schema.
 */
export function decodeStripeForm(body: string): Record<string, unknown> {
  return qs.parse(body, { depth: 10, arrayLimit: 100, parameterLimit: 1000, allowPrototypes: false });
}
