/**
 * Every component a Customer Session can enable, in the order stripe 23's types list them (API
 * 2026-10-28.endive). `active_entitlements` and `customer_portal` have no web component or Element
 * here; their secret is the session's, through `useComponentSecret`.
 */
export const componentNames = [
  'active_entitlements',
  'buy_button',
  'customer_portal',
  'customer_sheet',
  'mobile_payment_element',
  'payment_element',
  'pricing_table',
] as const;

/** A Customer Session component: `payment_element`, `pricing_table`, `buy_button`, … (the keys of Stripe's `components`). */
export type ComponentName = (typeof componentNames)[number];

/** Narrowing guard for untrusted input (request bodies, props from JavaScript callers). */
export function isComponentName(value: unknown): value is ComponentName {
  return typeof value === 'string' && (componentNames as readonly string[]).includes(value);
}
