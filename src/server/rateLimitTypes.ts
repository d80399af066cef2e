import type { StripeErrorObject } from '../core/types';

/**
 * Any limiter with `rate-limiter-flexible`'s contract: `consume` resolves while the key is within its
 * limit and rejects, once over it, with an object carrying `msBeforeNext`. Any other rejection means
 * the limiter's store failed. `RateLimiterRedis`, `RateLimiterMemcache`, `RateLimiterPostgres` and the
 * rest fit as they are.
 */
export interface CustomerSessionRateLimiter {
  consume(key: string, points?: number): Promise<unknown>;
}

/** `false` (off), `{ points, durationSeconds }` (in memory), or a limiter. */
export type RateLimitOption = false | { points: number; durationSeconds: number } | CustomerSessionRateLimiter;

export type RateLimitFailureMode = 'allow' | 'deny';

/**
 * A refusal from the rate limit: `status` 429 (`reason: 'limited'`, the customer is over the limit) or
 * 503 (`reason: 'limiter_unavailable'`, the store failed and `rateLimitFailure` is `'deny'`).
 * `createCustomerSession` throws it; the handler answers with `status`, `body`, and `Retry-After`
 * set to `retryAfterSeconds`.
 */
export class CustomerSessionRateLimitError extends Error {
  override readonly name = 'CustomerSessionRateLimitError';
  readonly status: 429 | 503;
  readonly reason: 'limited' | 'limiter_unavailable';
  /** Whole seconds (at least 1) until a new session may be asked for. */
  readonly retryAfterSeconds: number;
  /** The Stripe-shaped error the handler sends. */
  readonly error: StripeErrorObject;

  constructor(reason: 'limited' | 'limiter_unavailable', retryAfterSeconds: number) {
    const limited = reason === 'limited';
    const message = limited
      ? `Too many Customer Sessions for this customer; try again in ${retryAfterSeconds} s.`
      : 'Customer Sessions are unavailable for a moment; try again shortly.';
    super(message);
    this.reason = reason;
    this.status = limited ? 429 : 503;
    this.retryAfterSeconds = retryAfterSeconds;
    this.error = { type: limited ? 'rate_limit_error' : 'api_error', message };
  }
}

/**
 * What `onError` gets when the rate limiter could not decide: its store failed (`reason: 'error'`,
 * the store's error as `cause`) or did not answer within `rateLimitTimeoutMs` (`reason: 'timeout'`).
 */
export class RateLimiterUnavailableError extends Error {
  override readonly name = 'RateLimiterUnavailableError';
  readonly reason: 'error' | 'timeout';

  constructor(reason: 'error' | 'timeout', detail: string, cause?: unknown) {
    super(`The Customer Session rate limiter ${detail}.`, cause === undefined ? undefined : { cause });
    this.reason = reason;
  }
}
