import type { ComponentName } from './componentNames';
import { asCustomerSessionError, CustomerSessionError } from './errors';
import { sessionTiming, type SessionTiming } from './expiry';
import { isRecord } from './isRecord';
import { parseCustomerSessionResponse } from './parse';
import { hintRetryAfter, requestTimeoutMs } from './retry';
import type { CustomerSession, StripeErrorObject } from './types';
import { warnIfNotCustomerSessionSecret } from './warnings';

/**
 * What a function endpoint is asked: `components` for one session; with `sessions` (one component
 * list per session, two or more), a batch. A batch may be answered with an array in the same order;
 * a function that answers one session is called again for each remaining entry.
 */
export interface CustomerSessionEndpointContext {
  /** The components of the (first) session asked for. */
  components: ComponentName[];
  /** Aborts when the client gives up on the request (unmount, timeout): pass it to your `fetch`. */
  signal: AbortSignal;
  /** For a batch only: one component list per session, in the order the answer must follow. */
  sessions?: ComponentName[][];
}

/**
 * Where sessions come from: a URL of the app's own (POST JSON `{ components }` for one session,
 * `{ sessions: [[...], ...] }` answered `{ sessions: [...] }` for a batch) or a function.
 */
export type CustomerSessionEndpoint = string | ((ctx: CustomerSessionEndpointContext) => Promise<CustomerSession | CustomerSession[]>);

// The fields of a Stripe error body worth keeping (not `doc_url`, `request_log_url`…).
function readStripeError(body: unknown): StripeErrorObject | undefined {
  const error = isRecord(body) && body.error;
  if (!isRecord(error) || typeof error.message !== 'string') return undefined;
  const picked = { type: 'api_error' } as StripeErrorObject;
  for (const key of ['type', 'code', 'param', 'message'] as const) if (typeof error[key] === 'string') picked[key] = error[key];
  return picked;
}

// For development messages only: a JSON body is read whatever its content type.
const isHtml = (response: Response): boolean => /html/i.test(response.headers.get('content-type') ?? '');

/**
 * The development message for a non-2xx answer. No route there, or one that refuses POST (a typo, a
 * route not deployed): it says where, and what to check (the path only: a query string may carry a token).
 */
function describeHttpFailure(url: string, response: Response, stripeError: StripeErrorObject | undefined): string {
  const { status } = response;
  const noRoute = !stripeError && (status === 404 || status === 405);
  const body = stripeError ? `: ${stripeError.message}` : isHtml(response) ? ' with an HTML page' : '';
  return noRoute
    ? `Customer Session endpoint (POST ${url.split(/[?#]/)[0]}) answered HTTP ${status}${body}. Is \`endpoint\` right? It should name your route that answers POST (createCustomerSessionHandler).`
    : `Customer Session endpoint answered HTTP ${status}${body}`;
}

/**
 * POSTs `body` (`{ components }` or `{ sessions }`) as JSON to the app's endpoint and resolves with the JSON it
 * answered. Sends `Accept`/`Content-Type: application/json` and `credentials: 'same-origin'`
 * unless `requestInit` says otherwise (method, body and signal are always its own). Rejects with
 * `http` (with `status`, `stripeError` for a Stripe error body, and the `Retry-After` hint) for
 * non-2xx, and `invalid_response` for a body that is not JSON.
 */
async function post(url: string, body: object, signal: AbortSignal, requestInit: RequestInit): Promise<unknown> {
  const headers = new Headers(requestInit.headers);
  for (const name of ['Content-Type', 'Accept']) if (!headers.has(name)) headers.set(name, 'application/json');
  const response = await fetch(url, { credentials: 'same-origin', ...requestInit, method: 'POST', headers, body: JSON.stringify(body), signal });
  const { ok, status } = response;
  const json: unknown = await response.json().catch(() => undefined);
  if (ok && json !== undefined) return json;
  if (ok) {
    throw new CustomerSessionError('invalid_response', process.env.NODE_ENV !== 'production' ? `Customer Session endpoint answered ${isHtml(response) ? 'HTML, not JSON (is the URL right?)' : 'invalid JSON'} (HTTP ${status}).` : 'JSON');
  }
  const stripeError = readStripeError(json);
  const error = new CustomerSessionError('http', process.env.NODE_ENV !== 'production' ? describeHttpFailure(url, response, stripeError) : `HTTP ${status}`, {
    status,
    stripeError,
  });
  // Delta-seconds, else an HTTP date.
  const retryAfter = response.headers.get('retry-after')?.trim();
  if (retryAfter) hintRetryAfter(error, Number.isFinite(+retryAfter) ? +retryAfter * 1000 : Date.parse(retryAfter) - Date.now());
  throw error;
}

/**
 * A session as the client keeps it: the object, and its expiry measured once, when it arrived.
 * `JSON.stringify` gives `undefined` for it (see `readSessionData`).
 */
export interface CustomerSessionData extends SessionTiming {
  /** The session as the endpoint answered it, validated. */
  session: CustomerSession;
}

// Query persisters write JSON (`persistQueryClient` stores `JSON.stringify(dehydrate(client))`), so
// a kept session serializes to nothing: the secret never reaches storage, and a page that restores
// the query finds no session and asks the endpoint. On the prototype, so copies see plain data.
const inMemoryOnly = { toJSON: (): undefined => undefined };

/**
 * Internal: the query data for a session as Stripe returns it (validated: see
 * `parseCustomerSessionResponse`), requested at `sentAt` (local clock, ms).
 */
export function readSessionData(value: unknown, requested: readonly ComponentName[] | undefined, sentAt: number): CustomerSessionData {
  const session = parseCustomerSessionResponse(value, requested);
  return Object.assign(Object.create(inMemoryOnly) as CustomerSessionData, { session }, sessionTiming(session, sentAt));
}

// Asks either endpoint form for `lists.length` sessions in one call where it can: a batch is
// answered with an array in the same order (`{ sessions }` from a URL), else `invalid_response`.
async function ask(endpoint: CustomerSessionEndpoint, lists: ComponentName[][], signal: AbortSignal, requestInit: RequestInit): Promise<unknown[]> {
  const [components] = lists as [ComponentName[]];
  const batch = lists.length > 1 ? { sessions: lists } : undefined;
  let answer: unknown;
  if (typeof endpoint === 'string') {
    answer = await post(endpoint, batch ?? { components }, signal, requestInit);
    if (!batch) return [answer];
    answer = isRecord(answer) && answer.sessions;
  } else {
    answer = await endpoint({ components, signal, ...batch });
    // A function that knows nothing of batches: once per remaining entry.
    if (!Array.isArray(answer)) return [answer, ...(await Promise.all(lists.slice(1).map((rest) => endpoint({ components: rest, signal }))))];
  }
  if (Array.isArray(answer) && answer.length === lists.length) return answer;
  throw new CustomerSessionError('invalid_response', process.env.NODE_ENV !== 'production' ? `Customer Session endpoint answered a batch of ${lists.length} without a \`sessions\` array of ${lists.length}.` : '`sessions`');
}

/**
 * Session requests through either endpoint form, validated, each with its expiry measured from the
 * moment they were sent: one entry of `lists` per session, one call for all of them (a single entry
 * is the plain `{ components }` request). `controller` ends it: the caller aborts it, and so do
 * `requestInit.signal` and the `requestTimeoutMs` timeout (as a `network` failure, so it is
 * retried). A function endpoint that ignores its signal is left behind when it fires.
 * A session whose local expiry has already passed when it arrives is refused as kind `expired`:
 * shown, it would be refreshed at once, and every new one would be the same (a 1 s session, or one
 * outlived by the latency), in a loop. Rejects with a `CustomerSessionError` only.
 */
export async function requestCustomerSessions(
  endpoint: CustomerSessionEndpoint,
  lists: ComponentName[][],
  controller: AbortController,
  requestInit: RequestInit = {},
): Promise<CustomerSessionData[]> {
  const sentAt = Date.now();
  const { signal } = controller;
  const theirs = requestInit.signal;
  const follow = (): void => controller.abort(theirs?.reason);
  if (theirs?.aborted) follow();
  theirs?.addEventListener('abort', follow);
  const timer = setTimeout(() => {
    controller.abort(new CustomerSessionError('network', process.env.NODE_ENV !== 'production' ? `Customer Session endpoint did not answer within ${requestTimeoutMs / 1000} s.` : 'timeout'));
  }, requestTimeoutMs);
  try {
    const answers = await new Promise<unknown[]>((resolve, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason));
      ask(endpoint, lists, signal, requestInit).then(resolve, reject);
    });
    return answers.map((answer, index) => {
      const data = readSessionData(answer, lists[index], sentAt);
      // Read at call time (not the module's `dev`): tests switch NODE_ENV at run time.
      if (process.env.NODE_ENV !== 'production') warnIfNotCustomerSessionSecret(data.session.client_secret);
      if (data.expiresAt <= Date.now()) {
        const why = process.env.NODE_ENV !== 'production' && (data.session.created === undefined ? ' (no `created` to correct skew)' : ', after correcting for clock skew and latency');
        throw new CustomerSessionError('expired', process.env.NODE_ENV !== 'production' ? `Customer Session already expired by the local clock when it arrived${why}.` : '`expires_at`');
      }
      return data;
    });
  } catch (error) {
    throw asCustomerSessionError(error, signal);
  } finally {
    clearTimeout(timer);
    theirs?.removeEventListener('abort', follow);
  }
}
