import { CustomerSessionError } from './errors';

// Retry-After hints, attached by whoever built the error (see `post` in fetch.ts).
const retryAfterByError = new WeakMap<object, number>();

// Plain constants (not an object's properties) so the minifier inlines them.
const maxRetries = 3;
const baseDelayMs = 1000;
const maxDelayMs = 30_000;
const maxRetryAfterMs = 60_000;
/** A request with no answer after this long fails as `network` (so it is retried). */
export const requestTimeoutMs = 30_000;

function isTransient(error: unknown): boolean {
  if (!(error instanceof CustomerSessionError)) return false;
  const status = error.status ?? 0;
  return error.kind === 'network' || (error.kind === 'http' && (status >= 500 || status === 429 || status === 408));
}

// Which failures are worth retrying, and when (the session query's `retry` and `retryDelay`):
// transient ones (network, HTTP 408, 429, 5xx) up to `maxRetries` times after 1 s, 2 s, 4 s …
// capped at `maxDelayMs`. A 429's `Retry-After` is honoured up to `maxRetryAfterMs`; a longer one
// is not retried at all. Other 4xx, invalid responses, expired sessions and aborts never are.

/** `failureCount` counts earlier failures: 0 for the first one (TanStack Query's convention). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < maxRetries && isTransient(error) && !((retryAfterByError.get(error as object) ?? 0) > maxRetryAfterMs);
}

export function retryDelayMs(failureCount: number, error: unknown): number {
  return Math.min(retryAfterByError.get(error as object) ?? Math.min(baseDelayMs * 2 ** failureCount, maxDelayMs), maxRetryAfterMs);
}

/** Waits longer than this before a retry (a 429's `Retry-After`) render for a guest meanwhile. */
const guestAfterMs = 3000;

/** Whether the retry after `error` waits out a `Retry-After` so long that the customer should not wait with it. */
export function waitsLong(error: unknown): boolean {
  return (retryAfterByError.get(error as object) ?? 0) > guestAfterMs;
}

/** Records the server's `Retry-After` (ms) for `error`; an unreadable one (`NaN`) is none. */
export function hintRetryAfter(error: CustomerSessionError, ms: number): void {
  if (!Number.isNaN(ms)) retryAfterByError.set(error, Math.max(0, ms));
}
