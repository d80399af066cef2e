import { stripeErrorBody } from '../params/errors';
import { assertValidPolicy } from './assertValidPolicy';
import { checkStripeTimeout } from './boundedStripeCall';
import { requestCustomerSessions } from './createCustomerSession';
import { prepareCrossSitePolicy, refuseCrossSite } from './crossSite';
import { customerParams } from './customerParams';
import { callOnError, describeThrownError } from './describeThrownError';
import { EndpointError } from './EndpointError';
import { isJsonContentType } from './isJsonContentType';
import { jsonResponse } from './jsonResponse';
import { narrowPolicy } from './narrowPolicy';
import { parseRequestedComponents } from './parseRequestedComponents';
import { prepareRateLimit, type PreparedRateLimit } from './rateLimit';
import { CustomerSessionRateLimitError } from './rateLimitTypes';
import { readBodyText } from './readBodyText';
import type { CustomerSessionHandler, CustomerSessionHandlerOptions } from './types';

const defaultMaxBodyBytes = 16 * 1024;
const defaultBodyTimeoutMs = 10_000;

function refuse(status: number, message: string, headers?: Record<string, string>): EndpointError {
  return new EndpointError(status, { type: 'invalid_request_error', message }, headers);
}

function checkOptions(options: CustomerSessionHandlerOptions) {
  if (typeof options.stripe?.customerSessions?.create !== 'function') {
    throw new TypeError('createCustomerSessionHandler: stripe must be a Stripe client, e.g. new Stripe(secretKey).');
  }
  if (typeof options.resolveCustomer !== 'function') {
    throw new TypeError('createCustomerSessionHandler: resolveCustomer must be a function of the request.');
  }
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new TypeError(`createCustomerSessionHandler: maxBodyBytes must be a positive integer, got ${maxBodyBytes}.`);
  }
  const bodyTimeoutMs = options.bodyTimeoutMs ?? defaultBodyTimeoutMs;
  if (!Number.isSafeInteger(bodyTimeoutMs) || bodyTimeoutMs < 1) {
    throw new TypeError(`createCustomerSessionHandler: bodyTimeoutMs must be a positive integer, got ${bodyTimeoutMs}.`);
  }
  assertValidPolicy(options.components);
  const caller = 'createCustomerSessionHandler';
  const rateLimit: PreparedRateLimit = prepareRateLimit(options, caller);
  const crossSite = prepareCrossSitePolicy(options, caller);
  return { maxBodyBytes, bodyTimeoutMs, stripeTimeoutMs: checkStripeTimeout(options.stripeTimeoutMs, caller), rateLimit, crossSite };
}

/**
 * Creates the endpoint that hands a signed-in visitor a Customer Session: a Fetch API handler,
 * usable as a Next.js App Router route as-is (`export const POST = handler`) and in Node or
 * Express through `toNodeListener` (`react-stripe-customer-session/node`).
 *
 * It accepts only `POST` from the app's own pages (below) with a JSON body `{ "components": [...] }` that may narrow the policy
 * to a subset (an empty or missing list means the whole policy), answered with one session; or
 * `{ "sessions": [[...], ...] }` (at most `maxSessionsPerRequest`, each entry narrowing the policy the
 * same way), answered `{ "sessions": [...] }` in the same order, created concurrently: if any creation
 * fails, the answer is the first failure by index. The customer always comes from
 * `resolveCustomer`; a `customer` in the body is ignored. Every error is Stripe-shaped JSON
 * (`{ error: { type, code?, param?, message } }`), every response `Cache-Control: no-store`.
 *
 * A browser asking on behalf of another site (`Sec-Fetch-Site: cross-site`, or an `Origin` that is not
 * the request's host) gets 403 before `resolveCustomer` runs; `allowedOrigins` admits other origins.
 * The body must arrive within `bodyTimeoutMs` (408) and Stripe answer within `stripeTimeoutMs` (504).
 *
 * Sessions are created by the same code as `createCustomerSession` (for server-rendered pages).
 *
 * Sessions are rate limited per customer (`rateLimit`, default 360 sessions per 60 s in memory) and
 * for the whole shop (`stripeBudget`, default 10 sessions per second in memory, leaving most of
 * Stripe's account limit to payments); a batch of N spends N at once, all or nothing. Both are checked
 * after authentication and before Stripe: over either the answer is 429 `rate_limit_error` with
 * `Retry-After` in whole seconds. Stripe's own 429s (`rate_limit`, `lock_timeout`) also reach the
 * browser as 429 with `Retry-After`, which the client honours.
 *
 * No `Idempotency-Key` is forwarded to Stripe: each page load gets a fresh single-use secret,
 * and a browser-chosen key could only replay an already-handed-out one.
 *
 * @throws TypeError at creation when an option is missing or the policy is invalid (naming the param).
 */
export function createCustomerSessionHandler(options: CustomerSessionHandlerOptions): CustomerSessionHandler {
  const { maxBodyBytes, bodyTimeoutMs, stripeTimeoutMs, rateLimit, crossSite } = checkOptions(options);
  const { stripe, resolveCustomer, onError } = options;
  const policy = structuredClone(options.components);

  return async function handleCustomerSessionRequest(request: Request): Promise<Response> {
    try {
      if (request.method !== 'POST') {
        throw refuse(405, `${request.method} is not allowed here; use POST.`, { Allow: 'POST' });
      }
      const crossSiteRefusal = refuseCrossSite(request, crossSite);
      if (crossSiteRefusal !== null) throw crossSiteRefusal;
      if (!isJsonContentType(request.headers.get('content-type'))) {
        throw refuse(415, 'The request body must be JSON, sent with Content-Type: application/json.');
      }
      // Who asks is settled before the body is read: an anonymous caller learns nothing about the policy.
      const customer = customerParams(await resolveCustomer(request));
      if (customer === null) throw refuse(401, 'Sign in to get a Customer Session.');

      const requested = parseRequestedComponents(await readBodyText(request, maxBodyBytes, bodyTimeoutMs));
      // Every entry is narrowed (and refused, naming it) before the rate limit or Stripe is touched.
      const components = requested.sessions.map(({ names, param }) => narrowPolicy(policy, names, param));
      const call = { stripe, customer, rateLimit, report: (error: unknown) => report(onError, error, request, 503) };
      const sessions = await requestCustomerSessions(call, components, { timeoutMs: stripeTimeoutMs, signal: request.signal });
      return jsonResponse(200, requested.batch ? { sessions } : sessions[0]);
    } catch (error) {
      const described = describeThrownError(error);
      // Refusals are the handler's own answers, and a browser that left mid-body is not a failure; the rest is logged.
      const refusal = (error instanceof EndpointError && error.status < 500) || error instanceof CustomerSessionRateLimitError;
      const clientLeft = request.signal.aborted && (error as { name?: unknown } | null)?.name === 'AbortError';
      if (!refusal && !clientLeft) report(onError, error, request, described.status);
      return jsonResponse(described.status, stripeErrorBody(described.error), described.headers);
    }
  };
}

function report(
  onError: CustomerSessionHandlerOptions['onError'],
  error: unknown,
  request: Request,
  status: number,
): void {
  if (onError === undefined) {
    if (status >= 500) console.error('[react-stripe-customer-session] creating a Customer Session failed:', error);
    return;
  }
  callOnError(onError, error, request);
}
