import { componentNames, type ComponentName } from './componentNames';
import { CustomerSessionError } from './errors';
import { isRecord } from './isRecord';
import { warnOnce } from './warnings';
import type { CustomerSession, CustomerSessionComponents } from './types';

// Seconds since the epoch stay below this until the year 5138; milliseconds are far above it.
const maxPlausibleSeconds = 1e11;

// The field is always named; the explanation only in development (`problem` is `false` in production).
function invalid(field: string, problem: string | false): CustomerSessionError {
  return new CustomerSessionError('invalid_response', process.env.NODE_ENV !== 'production' ? `Invalid Customer Session: \`${field}\` ${problem}.` : `\`${field}\``);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : typeof value;
}

function readSeconds(body: Record<string, unknown>, field: 'created' | 'expires_at'): number {
  const value = body[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw invalid(field, process.env.NODE_ENV !== 'production' && `must be integer seconds, got ${typeof value === 'number' ? value : describe(value)}`);
  }
  if (value > maxPlausibleSeconds) {
    throw invalid(field, process.env.NODE_ENV !== 'production' && `is in milliseconds (${value}), not seconds`);
  }
  return value;
}

function readComponents(value: unknown, requested: readonly ComponentName[]): CustomerSessionComponents {
  // `components` is optional and expandable on the object (Stripe's OpenAPI spec; stripe 23 types it
  // `components?`): a current API version may leave it out unless asked. Absent, the session enables
  // exactly what was requested; for the whole policy (nothing named) that is unknown, so nothing.
  if (value === undefined) {
    if (process.env.NODE_ENV !== 'production' && !requested.length) {
      warnOnce('components', 'The Customer Session has no `components` and the page asked for the whole policy, so no component is enabled. Name the components you need, or return `components` (expand it) from your endpoint.');
    }
    value = Object.fromEntries(requested.map((name) => [name, { enabled: true }]));
  }
  if (!isRecord(value)) throw invalid('components', process.env.NODE_ENV !== 'production' && `must be an object, got ${describe(value)}`);
  const components: Record<string, unknown> = { ...value };
  for (const name of componentNames) {
    // Older API versions omit some components; an absent one is a disabled one.
    const component = value[name] ?? { enabled: false };
    if (!isRecord(component) || typeof component.enabled !== 'boolean') throw invalid(`components[${name}][enabled]`, process.env.NODE_ENV !== 'production' && 'must be a boolean');
    // Only the Elements-backed ones (payment_element, customer_sheet, mobile_payment_element) carry `features`.
    components[name] = /sheet|payment_e/.test(name) ? { ...component, features: component.features ?? null } : component;
  }
  return components as unknown as CustomerSessionComponents;
}

/**
 * Checks that a value is a Customer Session as Stripe returns it and returns it typed: `object`,
 * a string `client_secret`, `expires_at` in integer seconds and, when present, a `components` object
 * (absent, the session enables exactly the `requested` components: see `readComponents`). `created`
 * may be absent (Stripe's reference example has none; it then stays absent at run time although
 * the type says `number`, and clock skew cannot be corrected); when present it must be integer
 * seconds, and `expires_at` after it.
 * Throws a `CustomerSessionError` of kind `invalid_response` naming the first bad field (`expired`
 * for a session that expires before it was created); messages never include the client secret.
 */
export function parseCustomerSessionResponse(value: unknown, requested: readonly ComponentName[] = []): CustomerSession {
  if (!isRecord(value)) {
    throw new CustomerSessionError('invalid_response', process.env.NODE_ENV !== 'production' ? `Invalid Customer Session: expected an object, got ${describe(value)}.` : 'object');
  }
  if (value.object !== 'customer_session') {
    throw invalid(
      'object',
      process.env.NODE_ENV !== 'production' &&
        `must be "customer_session", got ${typeof value.object === 'string' ? JSON.stringify(value.object.slice(0, 40)) : describe(value.object)}${
          // An endpoint written for Stripe's guides answers a field of the session, or wraps it.
          value.object === undefined ? '. Answer with the session object itself, as stripe.customerSessions.create returns it (createCustomerSessionHandler does), not a field of it or a wrapper' : ''
        }`,
    );
  }
  if (typeof value.client_secret !== 'string' || value.client_secret.length === 0) {
    throw invalid('client_secret', process.env.NODE_ENV !== 'production' && 'must be a non-empty string');
  }
  const expiresAt = readSeconds(value, 'expires_at');
  const created = value.created === undefined ? undefined : readSeconds(value, 'created');
  if (created !== undefined && expiresAt <= created) {
    throw new CustomerSessionError('expired', process.env.NODE_ENV !== 'production' ? 'Customer Session already expired: `expires_at` is not after `created`.' : '`expires_at`');
  }
  return { ...value, components: readComponents(value.components, requested) } as unknown as CustomerSession;
}
