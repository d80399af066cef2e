import { isComponentName, type ComponentName } from '../core/componentNames';
import type { CustomerSession, CustomerSessionComponentsParams } from '../core/types';
import { buildCustomerSessionComponents } from '../params/components';
import { assertValidPolicy } from './assertValidPolicy';
import { withinBounds, type StripeCallBounds } from './boundedStripeCall';
import { customerParams, type CustomerParams } from './customerParams';
import { callOnError } from './describeThrownError';
import { EndpointError } from './EndpointError';
import { narrowPolicy } from './narrowPolicy';
import { enforceRateLimit, prepareRateLimit, type PreparedRateLimit } from './rateLimit';
import type { RateLimiterUnavailableError } from './rateLimitTypes';
import { componentListProblem, describeValue } from './sessionBatch';
import type { CreateCustomerSessionOptions, CustomerSessionStripeClient } from './types';

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
 * **Rate limits**: the same `rateLimit` and `stripeBudget` options as the handler, spent from the same
 * budgets: by default both use this process's in-memory limiters (360 sessions per customer per 60 s,
 * 10 sessions per second for the whole shop); with a store-backed limiter, pass the same object to both.
 *
 * One session per element: each element the page renders needs its own session (Stripe's secrets are
 * single-use); `createCustomerSessions` creates them all in one call.
 *
 * @throws CustomerSessionRateLimitError when the customer is over their limit (`status` 429,
 *   `retryAfterSeconds`, `scope: 'customer'`) or the shop over its Stripe budget (`scope: 'account'`), or
 *   a limiter's store failed with `rateLimitFailure: 'deny'` (503). Render the element for a guest then
 *   (the provider with `enabled={false}`) rather than failing the page.
 * @throws TypeError when an option is invalid: a bad policy (naming the param, e.g.
 *   `components[payment_element][features][payment_method_save_usage]`), no customer, or a `narrow`
 *   component the policy does not enable.
 * @throws whatever the Stripe client throws (the official SDK's `StripeError`s), unchanged.
 */
export async function createCustomerSession(options: CreateCustomerSessionOptions): Promise<CustomerSession> {
  const call = serverCall(options, 'createCustomerSession');
  const components = narrowedPolicy(options.components, options.narrow, 'narrow', call.caller);
  const [session] = await requestCustomerSessions(call, [components]);
  return session as CustomerSession;
}

/** What `createCustomerSession` and `createCustomerSessions` check and resolve before narrowing. */
export interface ServerCall {
  caller: string;
  stripe: CustomerSessionStripeClient;
  customer: CustomerParams;
  rateLimit: PreparedRateLimit;
  report: (error: RateLimiterUnavailableError) => void;
}

/** Checks the options the server-rendering helpers share (Stripe client, policy, customer, rate limit). */
export function serverCall(options: Omit<CreateCustomerSessionOptions, 'narrow'>, caller: string): ServerCall {
  const { stripe, onError } = options;
  if (typeof stripe?.customerSessions?.create !== 'function') {
    throw new TypeError(`${caller}: stripe must be a Stripe client, e.g. new Stripe(secretKey).`);
  }
  assertValidPolicy(options.components, caller);
  const customer = customerParams(options.customer, `${caller}: customer must be`);
  if (customer === null) {
    throw new TypeError(`${caller}: customer is required (a Customer ID, { customer } or { customer_account }); with nobody signed in, render without a session.`);
  }
  const rateLimit = prepareRateLimit(options, caller);
  const report = (error: RateLimiterUnavailableError) => {
    // A failing logger must not fail the page: the limit goes on in memory, as the handler's does.
    if (onError === undefined) console.error('[react-stripe-customer-session]', error);
    else callOnError(onError, error);
  };
  return { caller, stripe, customer, rateLimit, report };
}

/**
 * The policy narrowed to `names` (`label` names them in errors: `narrow`, `sessions[2]`); `undefined`
 * or an empty list means the whole policy, as an empty list from the browser does.
 * @throws TypeError naming `label` for a list that is not one of the policy's component names.
 */
export function narrowedPolicy(
  policy: CustomerSessionComponentsParams,
  names: unknown,
  label: string,
  caller: string,
): CustomerSessionComponentsParams {
  const problem = names === undefined ? null : componentListProblem(names);
  if (problem === 'array') throw new TypeError(`${caller}: ${label} must be an array of component names, got ${describeValue(names)}.`);
  const list = (names ?? []) as ComponentName[];
  if (problem !== null) {
    const unknown = list.filter((name) => !isComponentName(name));
    throw new TypeError(`${caller}: ${label} names unknown components: ${unknown.map(String).join(', ')}.`);
  }
  try {
    return narrowPolicy(policy, list.length === 0 ? undefined : [...new Set(list)]);
  } catch (error) {
    throw error instanceof EndpointError ? new TypeError(`${caller}: ${label}: ${error.message}`) : error;
  }
}

/**
 * The one place Customer Sessions are created, for the handler and the server-rendering helpers: the
 * rate limit is spent for all of them at once (one point per session, before any Stripe call), then
 * Stripe is asked for each `components` (the policy already narrowed) concurrently. Every creation
 * settles before the answer, so nothing is left running; if any failed, the first failure by index is
 * thrown. The sessions are plain objects, in the order asked. With `bounds` (the handler's), the calls
 * have one deadline and end with the browser's request: then the answer does not wait for them to settle.
 */
export async function requestCustomerSessions(
  call: Pick<ServerCall, 'stripe' | 'customer' | 'rateLimit' | 'report'>,
  components: readonly CustomerSessionComponentsParams[],
  bounds?: StripeCallBounds,
): Promise<CustomerSession[]> {
  const { stripe, customer } = call;
  await enforceRateLimit(call.rateLimit, customer, call.report, components.length);
  const createAll = (options?: { timeout: number }) =>
    Promise.allSettled(
      components.map(async (asked) => {
        const params = { components: asked, ...customer };
        return plainSession(await (options === undefined ? stripe.customerSessions.create(params) : stripe.customerSessions.create(params, options)), asked);
      }),
    );
  const settled = await (bounds === undefined ? createAll() : withinBounds(bounds, createAll));
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<CustomerSession>).value);
}

function plainSession(created: { client_secret: string; expires_at: number }, components: CustomerSessionComponentsParams): CustomerSession {
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
