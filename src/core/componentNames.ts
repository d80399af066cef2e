/**
 * Every component a Customer Session can enable, in the order Stripe's API reference lists them
 * (API version 2025-09-30.clover).
 */
export const componentNames = [
  'buy_button',
  'customer_sheet',
  'mobile_payment_element',
  'payment_element',
  'pricing_table',
] as const;

export type ComponentName = (typeof componentNames)[number];

/** Narrowing guard for untrusted input (request bodies, props from JavaScript callers). */
export function isComponentName(value: unknown): value is ComponentName {
  return typeof value === 'string' && (componentNames as readonly string[]).includes(value);
}
