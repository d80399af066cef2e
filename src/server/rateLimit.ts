import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import type { CustomerParams } from './customerParams';
import {
  CustomerSessionRateLimitError,
  RateLimiterUnavailableError,
  type CustomerSessionRateLimiter,
} from './rateLimitTypes';
import type { CustomerSessionRateLimitOptions } from './types';

/** The rate limit as checked per request: `limiter` null when off. */
export interface PreparedRateLimit {
  limiter: CustomerSessionRateLimiter | null;
  failure: 'allow' | 'deny';
  /** null for the in-memory limiter: it answers synchronously, so no timer is armed for it. */
  timeoutMs: number | null;
}

// Sized in Stripe sessions, not requests (issue 17: one session per rendered element): a page with a
// Payment Element, a pricing table and 24 buy buttons, loaded and scrolled to the end ten times a
// minute, costs 10 × 27 = 270; 360 leaves a second tab's worth of room and holds an abuser to 360
// Stripe calls in a window (test/server/rateLimitSizing.test.ts).
export const defaultRateLimit = { points: 360, durationSeconds: 60 } as const;
const defaultTimeoutMs = 1000;
// Retry-After of a 503 when the store is down and `rateLimitFailure` is 'deny'.
const unavailableRetryAfterSeconds = 5;

// One in-memory limiter per (points, duration) in this process, so every handler and every
// createCustomerSession call with the same numbers spends one budget per customer.
const memoryLimiters = new Map<string, CustomerSessionRateLimiter>();

function memoryLimiter(points: number, durationSeconds: number): CustomerSessionRateLimiter {
  const id = `${points}/${durationSeconds}`;
  let limiter = memoryLimiters.get(id);
  if (limiter === undefined) {
    limiter = new RateLimiterMemory({ points, duration: durationSeconds, keyPrefix: 'customer-session' });
    memoryLimiters.set(id, limiter);
  }
  return limiter;
}

const isPositiveInteger = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/** Checks the rate-limit options once (at handler creation) and resolves them to a limiter. */
export function prepareRateLimit(options: CustomerSessionRateLimitOptions, caller: string): PreparedRateLimit {
  const { rateLimit = defaultRateLimit, rateLimitFailure = 'allow', rateLimitTimeoutMs = defaultTimeoutMs } = options;
  if (rateLimitFailure !== 'allow' && rateLimitFailure !== 'deny') {
    throw new TypeError(`${caller}: rateLimitFailure must be 'allow' or 'deny', got ${JSON.stringify(rateLimitFailure)}.`);
  }
  if (!isPositiveInteger(rateLimitTimeoutMs)) {
    throw new TypeError(`${caller}: rateLimitTimeoutMs must be a positive integer, got ${String(rateLimitTimeoutMs)}.`);
  }
  const prepared = { failure: rateLimitFailure, timeoutMs: rateLimitTimeoutMs };
  if (rateLimit === false) return { ...prepared, limiter: null };
  if (typeof rateLimit === 'object' && rateLimit !== null && typeof (rateLimit as CustomerSessionRateLimiter).consume === 'function') {
    return { ...prepared, limiter: rateLimit as CustomerSessionRateLimiter };
  }
  if (typeof rateLimit === 'object' && rateLimit !== null) {
    const { points, durationSeconds } = rateLimit as { points?: unknown; durationSeconds?: unknown };
    if (!isPositiveInteger(points)) throw new TypeError(`${caller}: rateLimit.points must be a positive integer, got ${String(points)}.`);
    if (!isPositiveInteger(durationSeconds)) {
      throw new TypeError(`${caller}: rateLimit.durationSeconds must be a positive integer, got ${String(durationSeconds)}.`);
    }
    return { ...prepared, limiter: memoryLimiter(points, durationSeconds), timeoutMs: null };
  }
  throw new TypeError(`${caller}: rateLimit must be false, { points, durationSeconds } or a limiter with consume(key, points).`);
}

/** The limiter key: the customer the server resolved, never a value from the browser. */
export function rateLimitKey(customer: CustomerParams): string {
  return 'customer' in customer ? `customer:${customer.customer}` : `customer_account:${customer.customer_account}`;
}

type Outcome = { kind: 'allowed' } | { kind: 'limited'; msBeforeNext: number } | { kind: 'failed'; error: RateLimiterUnavailableError };

function isLimitReached(reason: unknown): reason is { msBeforeNext: number } {
  if (typeof reason !== 'object' || reason === null || reason instanceof Error) return false;
  const { msBeforeNext } = reason as { msBeforeNext?: unknown };
  return typeof msBeforeNext === 'number' && Number.isFinite(msBeforeNext);
}

async function consumeWithin(limiter: CustomerSessionRateLimiter, key: string, points: number, timeoutMs: number | null): Promise<Outcome> {
  // Settles either way, so a store that answers after the timeout leaves no unhandled rejection.
  const consumed = Promise.resolve()
    .then(() => limiter.consume(key, points))
    .then(
      (): Outcome => ({ kind: 'allowed' }),
      (reason: unknown): Outcome =>
        isLimitReached(reason)
          ? { kind: 'limited', msBeforeNext: reason.msBeforeNext }
          : { kind: 'failed', error: new RateLimiterUnavailableError('error', 'failed', reason) },
    );
  if (timeoutMs === null) return consumed;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => {
      resolve({ kind: 'failed', error: new RateLimiterUnavailableError('timeout', `did not answer within ${timeoutMs} ms`) });
    }, timeoutMs);
  });
  try {
    return await Promise.race([consumed, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Spends `points` sessions (one per Stripe call about to be made) from the customer's budget, all or
 * nothing. Throws `CustomerSessionRateLimitError` when over the limit, or when the store failed and the
 * mode is 'deny'; a store failure is passed to `report` either way.
 */
export async function enforceRateLimit(
  prepared: PreparedRateLimit,
  customer: CustomerParams,
  report: (error: RateLimiterUnavailableError) => void,
  points = 1,
): Promise<void> {
  if (prepared.limiter === null) return;
  const outcome = await consumeWithin(prepared.limiter, rateLimitKey(customer), points, prepared.timeoutMs);
  if (outcome.kind === 'limited') {
    throw new CustomerSessionRateLimitError('limited', Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)));
  }
  if (outcome.kind === 'failed') {
    report(outcome.error);
    if (prepared.failure === 'deny') throw new CustomerSessionRateLimitError('limiter_unavailable', unavailableRetryAfterSeconds);
  }
}
