import type { ResolvedCustomer } from './types';

export type CustomerParams = { customer: string } | { customer_account: string };

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Turns what `resolveCustomer` returned into the `customer` / `customer_account` param,
 * or `null` when nobody is signed in. Anything else is a bug in the app and throws.
 * Ids are trimmed: `' cus_1'` and `'cus_1'` are one customer, to Stripe and to the rate limit alike.
 */
export function customerParams(resolved: ResolvedCustomer, source = 'resolveCustomer must return'): CustomerParams | null {
  if (resolved === null || resolved === undefined) return null;
  if (isId(resolved)) return { customer: resolved.trim() };
  if (typeof resolved === 'object') {
    const { customer, customer_account } = resolved as { customer?: unknown; customer_account?: unknown };
    if (isId(customer) && customer_account === undefined) return { customer: customer.trim() };
    if (isId(customer_account) && customer === undefined) return { customer_account: customer_account.trim() };
  }
  throw new TypeError(`${source} a Customer ID, { customer }, { customer_account } or null; got ${shapeOf(resolved)}`);
}

/**
 * What the app returned, for its logs: its type, and an object's keys, never a value (the wrong thing
 * returned is often the user or the whole auth session, with its email and tokens).
 */
function shapeOf(value: unknown): string {
  if (typeof value === 'string') return 'an empty string';
  if (Array.isArray(value)) return 'an array';
  if (typeof value !== 'object' || value === null) return `a ${typeof value}`;
  const keys = Object.keys(value);
  return keys.length ? `an object with keys ${keys.slice(0, 10).join(', ')}${keys.length > 10 ? ', …' : ''}` : 'an empty object';
}
