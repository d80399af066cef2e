import { EndpointError } from './EndpointError';

/** How long a Stripe call may take, and what ends it early. */
export interface StripeCallBounds {
  timeoutMs: number;
  /** The browser's request: once it is gone, nobody is waiting for the session. */
  signal?: AbortSignal | undefined;
}

/** Below the client's 30 s request timeout, so the browser hears the handler's answer rather than its own. */
export const defaultStripeTimeoutMs = 20_000;

export function checkStripeTimeout(value: unknown, caller: string): number {
  if (value === undefined) return defaultStripeTimeoutMs;
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    throw new TypeError(`${caller}: stripeTimeoutMs must be a positive integer, got ${String(value)}.`);
  }
  return value as number;
}

const clientGone = () =>
  new EndpointError(499, { type: 'invalid_request_error', message: 'The client closed the request before the session was created.' });

/**
 * Runs `call` (the Stripe calls of one request) with the SDK's per-request `timeout`, and stops waiting
 * when the bounds say so: after `timeoutMs` in all (the SDK retries each attempt with its own timeout)
 * with a 504, or when `signal` aborts. A browser that is already gone costs no Stripe call at all; one
 * that leaves mid-call cannot stop the SDK's request (it takes no signal), but nobody waits for it.
 */
export async function withinBounds<T>({ timeoutMs, signal }: StripeCallBounds, call: (options: { timeout: number }) => Promise<T>): Promise<T> {
  if (signal?.aborted === true) throw clientGone();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const cutOff = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new EndpointError(504, { type: 'api_connection_error', message: `Stripe did not answer within ${timeoutMs} ms.` }));
    }, timeoutMs);
    onAbort = () => reject(clientGone());
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([call({ timeout: timeoutMs }), cutOff]);
  } finally {
    clearTimeout(timer);
    if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
  }
}
