import type { StripeErrorObject } from '../core/types';
import { EndpointError } from './EndpointError';
import { CustomerSessionRateLimitError } from './rateLimitTypes';
import { redactSecretKeys } from './redactSecretKeys';

interface Described {
  status: number;
  error: StripeErrorObject;
  headers: Record<string, string>;
}

// The fields of a `StripeError` (official SDK) this module reads; of `headers` only `retry-after`, and
// `raw` and the rest are never touched.
interface SdkErrorFields {
  type: string;
  rawType?: unknown;
  statusCode?: unknown;
  code?: unknown;
  param?: unknown;
  doc_url?: unknown;
  headers?: unknown;
  message: string;
}

// Every `StripeError` subclass sets its own `rawType` (even when undefined) and a string `type`.
function isSdkError(error: unknown): error is SdkErrorFields {
  return error instanceof Error && Object.hasOwn(error, 'rawType') && typeof (error as { type?: unknown }).type === 'string';
}

const unexpected: Described = {
  status: 500,
  error: { type: 'api_error', message: 'An unexpected error occurred while creating the Customer Session.' },
  headers: {},
};

// Stripe's own "slow down": its rate limiters, and a lock on the customer held by another request.
const stripeBusyCodes = new Set(['rate_limit', 'lock_timeout']);
// Stripe rarely says how long to wait; its limits are per second, so one second it is.
const defaultStripeRetryAfterSeconds = 1;
// When it does say, the browser hears it: a longer wait is capped (an hour covers any real back-off, and
// the client already gives up on waits over a minute), never shortened to less than Stripe asked.
const maxStripeRetryAfterSeconds = 3600;

function stripeRetryAfter(headers: unknown): number {
  const raw = typeof headers === 'object' && headers !== null ? (headers as Record<string, unknown>)['retry-after'] : undefined;
  const value = typeof raw === 'string' ? raw.trim() : '';
  // Delay-seconds or an HTTP date, as RFC 9110 allows.
  const seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  if (!(seconds >= 1)) return defaultStripeRetryAfterSeconds;
  return Math.min(seconds, maxStripeRetryAfterSeconds);
}

/**
 * Maps anything thrown while handling a request to a status and the public fields of a Stripe
 * error, with the headers to send. SDK errors keep their `type`, `code`, `param`, `message` and
 * `doc_url`, with anything key-shaped redacted; other exceptions become a generic 500.
 */
export function describeThrownError(error: unknown): Described {
  if (error instanceof EndpointError) return { status: error.status, error: error.error, headers: error.headers };
  if (error instanceof CustomerSessionRateLimitError) {
    return { status: error.status, error: error.error, headers: { 'Retry-After': String(error.retryAfterSeconds) } };
  }
  if (!isSdkError(error)) return unexpected;

  if (error.type === 'StripeConnectionError') {
    return { status: 502, error: { type: 'api_connection_error', message: 'The server could not reach Stripe.' }, headers: {} };
  }
  let status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 502;
  if (status === 401 || status === 403) {
    // Stripe refused the server's own key: not the visitor's fault, and not theirs to see.
    return { status: 502, error: { type: 'api_error', message: 'Stripe did not accept the server\'s credentials.' }, headers: {} };
  }
  const headers: Record<string, string> = {};
  if (status === 429 || (typeof error.code === 'string' && stripeBusyCodes.has(error.code))) {
    // A 429 the browser's client retries after Retry-After (Stripe may send `rate_limit` as a 400).
    status = 429;
    headers['Retry-After'] = String(stripeRetryAfter(error.headers));
  }
  const described: StripeErrorObject = {
    type: typeof error.rawType === 'string' ? error.rawType : 'api_error',
    message: redactSecretKeys(error.message),
  };
  if (typeof error.code === 'string') described.code = error.code;
  if (typeof error.param === 'string') described.param = error.param;
  if (typeof error.doc_url === 'string') described.doc_url = error.doc_url;
  return { status, error: described, headers };
}

/**
 * Calls the app's `onError`, which must never fail what it reports on: a throw is swallowed, and so is
 * the rejection of an async one (a logger shipping over the network), which would otherwise be an
 * unhandled rejection that Node answers by exiting.
 */
export function callOnError<A extends unknown[]>(onError: (...args: A) => unknown, ...args: A): void {
  try {
    void Promise.resolve(onError(...args)).catch(() => {});
  } catch {
    // A failing logger must not turn a clean answer into a crash.
  }
}
