import { CustomerSessionError } from './errors';

// Retry-After hints, attached by whoever built the error (see fetchCustomerSession).
const retryAfterByError = new WeakMap<CustomerSessionError, number>();

// Plain constants and functions (not methods reading an object) so the minifier can inline them.
const maxRetries = 3;
const baseDelayMs = 1000;
const maxDelayMs = 30_000;
const maxRetryAfterMs = 60_000;
/** A request with no answer after this long fails as `network` (so it is retried). */
export const requestTimeoutMs = 30_000;

function isTransient(error: unknown): boolean {
  if (!(error instanceof CustomerSessionError)) return false;
  if (error.kind === 'network') return true;
  const status = error.status ?? 0;
  return error.kind === 'http' && (status >= 500 || status === 429 || status === 408);
}

/** `failureCount` counts earlier failures: 0 for the first one (TanStack Query's convention). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= maxRetries || !isTransient(error)) return false;
  const hint = retryAfterByError.get(error as CustomerSessionError);
  return hint === undefined || hint <= maxRetryAfterMs;
}

export function retryDelayMs(failureCount: number, error: unknown): number {
  const hint = retryAfterByError.get(error as CustomerSessionError);
  if (hint !== undefined) return Math.min(hint, maxRetryAfterMs);
  return Math.min(baseDelayMs * 2 ** failureCount, maxDelayMs);
}

/** Records the server's `Retry-After` (ms) for `error`. */
export function hintRetryAfter(error: CustomerSessionError, ms: number): void {
  retryAfterByError.set(error, Math.max(0, ms));
}

/**
 * Which failures are worth retrying, and when. Transient failures (network, HTTP 408, 429, 5xx)
 * are retried up to `maxRetries` times after 1 s, 2 s, 4 s … capped at `maxDelayMs`. A 429's
 * `Retry-After` is honoured up to `maxRetryAfterMs`; a longer one is not retried at all.
 * Other 4xx, invalid responses, expired sessions and aborts are never retried. A request with no
 * answer after `requestTimeoutMs` fails as `network` (so it is retried).
 */
export const retryPolicy = {
  maxRetries,
  baseDelayMs,
  maxDelayMs,
  maxRetryAfterMs,
  requestTimeoutMs,
  isTransient,
  shouldRetry,
  delayMs: retryDelayMs,
  hintRetryAfter,
};
