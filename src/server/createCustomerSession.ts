import { isComponentName } from '../core/componentNames';
import type { CustomerSession, CustomerSessionComponentsParams } from '../core/types';
import { buildCustomerSessionComponents } from '../params/components';
import { assertValidPolicy } from './assertValidPolicy';
import { createWithinBounds, type StripeCallBounds } from './boundedStripeCall';
import { customerParams, type CustomerParams } from './customerParams';
import { EndpointError } from './EndpointError';
import { narrowPolicy } from './narrowPolicy';
import { enforceRateLimit, prepareRateLimit, type PreparedRateLimit } from './rateLimit';
import type { RateLimiterUnavailableError } from './rateLimitTypes';
import type { CreateCustomerSessionOptions, CustomerSessionStripeClient } from './types';

const caller = 'createCustomerSession';

/**
 * Creates a Customer Session for a customer the server already knows, while it renders a page (a
 * Next.js server component, a React Router / Remix loader, `renderToString`), so the client can start
 * with `initialSession` and make no request. `createCustomerSessionHandler` creates its sessions through
 * the same path: same policy checks, same narrowing, same answer.
 *
 * Returns the plain Customer Session object (no SDK metadata), safe to pass to a client component as a
 * prop. When Stripe's answer leaves out `components` (optional in current API versions unless expanded),
 * it is filled from what was asked for.
 *
 * **Caching**: a page that carries the client secret in its HTML must never be stored by a CDN or any
 * shared cache. Send `Cache-Control: private, no-store`; in Next.js the page must be dynamic (it is, when
 * it reads cookies or headers to find the customer; otherwise `export const dynamic = 'force-dynamic'`).
 * As everywhere: never log the secret, persist it or put it in a URL.
 *
 * **Rate limit**: the same `rateLimit` options as the handler, spent from the same budget: by default
 * both use this process's in-memory limiter (20 sessions per customer per 60 s); with a store-backed
 * limiter, pass the same object to both.
 *
 * @throws CustomerSessionRateLimitError when the customer is over the limit (`status` 429,
 *   `retryAfterSeconds`), or the limiter's store failed with `rateLimitFailure: 'deny'` (503). Render
 *   the page without `initialSession` then: the browser asks the endpoint, which honours the same limit.
 * @throws TypeError when an option is invalid: a bad policy (naming the param, e.g.
 *   `components[payment_element][features][payment_method_save_usage]`), no customer, or a `narrow`
 *   component the policy does not enable.
 * @throws whatever the Stripe client throws (the official SDK's `StripeError`s), unchanged.
 */
export async function createCustomerSession(options: CreateCustomerSessionOptions): Promise<CustomerSession> {
  const { stripe, narrow } = options;
  if (typeof stripe?.customerSessions?.create !== 'function') {
    throw new TypeError(`${caller}: stripe must be a Stripe client, e.g. new Stripe(secretKey).`);
  }
  assertValidPolicy(options.components, caller);
  const customer = customerOf(options.customer);
  if (narrow !== undefined && !Array.isArray(narrow)) {
    throw new TypeError(`${caller}: narrow must be an array of component names, got ${JSON.stringify(narrow)}.`);
  }
  const unknown = (narrow ?? []).filter((name) => !isComponentName(name));
  if (unknown.length > 0) throw new TypeError(`${caller}: narrow names unknown components: ${unknown.map(String).join(', ')}.`);
  let components: CustomerSessionComponentsParams;
  try {
    // An empty list means the whole policy, as an empty list from the browser does.
    components = narrowPolicy(options.components, narrow === undefined || narrow.length === 0 ? undefined : [...new Set(narrow)]);
  } catch (error) {
    throw error instanceof EndpointError ? new TypeError(`${caller}: narrow: ${error.message}`) : error;
  }
  const rateLimit = prepareRateLimit(options, caller);
  const { onError } = options;
  return requestCustomerSession(stripe, customer, components, rateLimit, (error) => {
    if (onError === undefined) console.error('[react-stripe-customer-session]', error);
    else onError(error);
  });
}

function customerOf(resolved: CreateCustomerSessionOptions['customer']): CustomerParams {
  const params = customerParams(resolved, `${caller}: customer must be`);
  if (params === null) {
    throw new TypeError(`${caller}: customer is required (a Customer ID, { customer } or { customer_account }); with nobody signed in, render without a session.`);
  }
  return params;
}

/**
 * The one place a Customer Session is created, for the handler and for `createCustomerSession`: the
 * rate limit is spent, then Stripe is asked for `components` (the policy already narrowed); the answer
 * is a plain object. With `bounds` (the handler's), the call has a deadline and ends with the browser's request.
 */
export async function requestCustomerSession(
  stripe: CustomerSessionStripeClient,
  customer: CustomerParams,
  components: CustomerSessionComponentsParams,
  rateLimit: PreparedRateLimit,
  report: (error: RateLimiterUnavailableError) => void,
  bounds?: StripeCallBounds,
): Promise<CustomerSession> {
  await enforceRateLimit(rateLimit, customer, report);
  const params = { components, ...customer };
  const created = await (bounds === undefined ? stripe.customerSessions.create(params) : createWithinBounds(stripe, params, bounds));
  // The SDK hangs response metadata (headers, request id) off the result; only the object's own data goes
  // out, through JSON so that what a server component passes on is plain and serializable.
  const { lastResponse: _lastResponse, ...data } = created as typeof created & { lastResponse?: unknown };
  const session = JSON.parse(JSON.stringify(data)) as CustomerSession & { components?: CustomerSession['components'] | null };
  // Current API versions may leave `components` out unless expanded: it then says what was asked for.
  if (session.components === undefined || session.components === null) {
    session.components = buildCustomerSessionComponents(components);
  }
  return session;
}
