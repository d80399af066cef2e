import type { ComponentName } from './componentNames';
import { asCustomerSessionError, CustomerSessionError, dev } from './errors';
import { sessionTiming, type SessionTiming } from './expiry';
import { isRecord } from './isRecord';
import { parseCustomerSessionResponse } from './parse';
import { hintRetryAfter, requestTimeoutMs } from './retry';
import type { CustomerSession, StripeErrorObject } from './types';
import { warnIfNotCustomerSessionSecret } from './warnings';

/** Where sessions come from: a URL of the app's own (POST JSON `{ components }`) or a function. */
export type CustomerSessionEndpoint =
  | string
  | ((ctx: { components: ComponentName[]; signal: AbortSignal }) => Promise<CustomerSession>);

export interface FetchCustomerSessionOptions {
  components: ComponentName[];
  signal?: AbortSignal;
  /** Extra headers, credentials, mode…; method and body are always this function's own. */
  requestInit?: RequestInit;
  fetch?: typeof globalThis.fetch;
}

function readStripeError(body: unknown): StripeErrorObject | undefined {
  const error = isRecord(body) ? body.error : undefined;
  if (!isRecord(error) || typeof error.message !== 'string') return undefined;
  const picked: StripeErrorObject = { type: typeof error.type === 'string' ? error.type : 'api_error', message: error.message };
  for (const key of ['code', 'param'] as const) if (typeof error[key] === 'string') picked[key] = error[key];
  return picked;
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header?.trim()) return undefined;
  // Delta-seconds, else an HTTP date.
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function looksLikeHtml(text: string, contentType: string): boolean {
  return /html/i.test(contentType) || /^\s*</.test(text);
}

function httpError(response: Response, text: string, html: boolean): CustomerSessionError {
  const { status } = response;
  const stripeError = readStripeError(tryParseJson(text));
  const detail = dev && (stripeError ? `: ${stripeError.message}` : html ? ' with an HTML page' : '');
  const error = new CustomerSessionError('http', dev ? `Customer Session endpoint answered HTTP ${status}${detail}` : `HTTP ${status}`, {
    status,
    ...(stripeError ? { stripeError } : {}),
  });
  const hint = retryAfterMs(response.headers.get('retry-after'));
  if (hint !== undefined) hintRetryAfter(error, hint);
  return error;
}

function bodyToSession(response: Response, text: string, html: boolean, requested: readonly ComponentName[]): CustomerSession {
  const json = html ? undefined : tryParseJson(text);
  if (json === undefined) {
    const what = html ? (dev ? 'HTML, not JSON' : 'HTML') : dev ? 'invalid JSON' : 'JSON';
    throw new CustomerSessionError('invalid_response', dev ? `Customer Session endpoint answered ${what} (HTTP ${response.status}).${html ? ' Is the URL right?' : ''}` : what);
  }
  return parseCustomerSessionResponse(json, requested);
}

/**
 * POSTs `{ "components": [...] }` as JSON to the app's endpoint and returns the validated session.
 * Sends `Accept`/`Content-Type: application/json` and `credentials: 'same-origin'` unless
 * `requestInit` says otherwise. Always rejects with a `CustomerSessionError`:
 * `network` / `aborted` when no answer came, `http` (with `status`, and `stripeError` for a Stripe
 * error body) for non-2xx, `invalid_response` for anything that is not a Customer Session.
 */
export async function fetchCustomerSession(url: string, options: FetchCustomerSessionOptions): Promise<CustomerSession> {
  const { requestInit = {}, signal } = options;
  const headers = new Headers({ 'Content-Type': 'application/json', Accept: 'application/json' });
  new Headers(requestInit.headers).forEach((value, name) => headers.set(name, value));
  // requestInit's own signal aborts the request too.
  let combined = signal ?? requestInit.signal ?? undefined;
  if (signal && requestInit.signal) {
    const both = new AbortController();
    for (const one of [signal, requestInit.signal]) one.addEventListener('abort', () => both.abort(one.reason), { once: true });
    combined = both.signal;
  }
  try {
    const response = await (options.fetch ?? globalThis.fetch)(url, {
      credentials: 'same-origin',
      ...requestInit,
      method: 'POST',
      headers,
      body: JSON.stringify({ components: options.components }),
      ...(combined ? { signal: combined } : {}),
    });
    const text = await response.text();
    const html = looksLikeHtml(text, response.headers.get('content-type') ?? '');
    if (!response.ok) throw httpError(response, text, html);
    return bodyToSession(response, text, html, options.components);
  } catch (error) {
    throw asCustomerSessionError(error, combined);
  }
}

/** A session as the client keeps it: the object, and its expiry measured once, when it arrived. */
export interface CustomerSessionData extends SessionTiming {
  session: CustomerSession;
}

// A function endpoint may ignore its signal; the request still ends when the signal fires.
function untilAborted(promise: Promise<CustomerSession>, signal: AbortSignal): Promise<CustomerSession> {
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}

/**
 * One session request through either endpoint form, validated, with its expiry measured from the
 * moment it was sent. A session whose local expiry has already passed when it arrives is refused
 * as kind `expired`: shown, it would be refreshed at once, and every new one would be the same (a
 * 1 s session, or one outlived by the latency), in a loop. Gives up after
 * `requestTimeoutMs` (as a `network` failure). Rejects with a `CustomerSessionError` only.
 */
export async function requestCustomerSession(
  endpoint: CustomerSessionEndpoint,
  components: ComponentName[],
  outer: AbortSignal,
  requestInit: RequestInit | undefined,
): Promise<CustomerSessionData> {
  const sentAt = Date.now();
  const controller = new AbortController();
  const signal = controller.signal;
  const forward = (): void => controller.abort(outer.reason);
  outer.addEventListener('abort', forward, { once: true });
  const timer = setTimeout(() => {
    controller.abort(new CustomerSessionError('network', dev ? `Customer Session endpoint did not answer within ${requestTimeoutMs / 1000} s.` : 'timeout'));
  }, requestTimeoutMs);
  try {
    const session =
      typeof endpoint === 'string'
        ? await fetchCustomerSession(endpoint, { components, signal, requestInit })
        : parseCustomerSessionResponse(await untilAborted(endpoint({ components, signal }), signal), components);
    // Read at call time (not the module's `dev`): tests switch NODE_ENV at run time.
    if (process.env.NODE_ENV !== 'production') warnIfNotCustomerSessionSecret(session.client_secret);
    const timing = sessionTiming(session, sentAt);
    if (timing.expiresAt <= Date.now()) {
      const why = dev && (session.created === undefined ? ' (no `created` to correct skew)' : ', after correcting for clock skew and latency');
      throw new CustomerSessionError('expired', dev ? `Customer Session already expired by the local clock when it arrived${why}.` : '`expires_at`');
    }
    return { session, ...timing };
  } catch (error) {
    throw asCustomerSessionError(error, signal);
  } finally {
    clearTimeout(timer);
    outer.removeEventListener('abort', forward);
  }
}
