import type { StripeErrorObject } from '../core/types';

/**
 * Any limiter with `rate-limiter-flexible`'s contract: `consume(key, points)` resolves while the key is
 * within its limit and rejects, once over it, with an object carrying `msBeforeNext`, or (a
 * `RateLimiterUnion`) with a map of such objects. Any other rejection means the limiter's store failed.
 * Every limiter class of `rate-limiter-flexible` fits as it is, wrappers included.
 */
export interface CustomerSessionRateLimiter {
  /** Spends `points` (default 1) for `key`; rejects with `{ msBeforeNext }` when over the limit, anything else when its store fails. */
  consume(key: string, points?: number): Promise<unknown>;
}

/** `false` (off), `{ points, durationSeconds }` (in memory), or a limiter. */
export type RateLimitOption = false | { points: number; durationSeconds: number } | CustomerSessionRateLimiter;

/**
 * The account-wide session budget: `false` (off), `{ sessionsPerSecond }` (in memory, per process), or a
 * limiter whose one key (`stripe-account`) every instance shares, such as a `RateLimiterRedis` with
 * `duration: 1`.
 */
export type StripeBudgetOption = false | { sessionsPerSecond: number } | CustomerSessionRateLimiter;

/** What happens when a limiter's store fails: `'allow'` falls back to the same limit in memory, `'deny'` answers 503. See `rateLimitFailure`. */
export type RateLimitFailureMode = 'allow' | 'deny';

/** Which limit refused: the customer's own (`rateLimit`) or the whole shop's Stripe budget (`stripeBudget`). */
export type RateLimitScope = 'customer' | 'account';

/**
 * A refusal from a rate limit: `status` 429 (`reason: 'limited'`, over the limit) or 503
 * (`reason: 'limiter_unavailable'`, the store failed and `rateLimitFailure` is `'deny'`). `scope` says
 * which limit: `'customer'` (this customer asked too often) or `'account'` (the shop's Stripe budget is
 * spent for now, whoever asks). `createCustomerSession` throws it; the handler answers with `status`,
 * `body`, and `Retry-After` set to `retryAfterSeconds`.
 */
export class CustomerSessionRateLimitError extends Error {
  /** Always `'CustomerSessionRateLimitError'`. */
  override readonly name = 'CustomerSessionRateLimitError';
  /** The status the handler answers with: 429 over the limit, 503 when a limiter's store failed under `rateLimitFailure: 'deny'`. */
  readonly status: 429 | 503;
  /** `limited`: over the limit; `limiter_unavailable`: a limiter's store failed and `rateLimitFailure` is `'deny'`. */
  readonly reason: 'limited' | 'limiter_unavailable';
  /** Which budget refused: `customer` (`rateLimit`, per customer) or `account` (`stripeBudget`, the whole shop). */
  readonly scope: RateLimitScope;
  /** Whole seconds (at least 1) until a new session may be asked for. */
  readonly retryAfterSeconds: number;
  /** The Stripe-shaped error the handler sends. */
  readonly error: StripeErrorObject;

  constructor(reason: 'limited' | 'limiter_unavailable', retryAfterSeconds: number, scope: RateLimitScope = 'customer') {
    const limited = reason === 'limited';
    let message = 'Customer Sessions are unavailable for a moment; try again shortly.';
    if (limited) {
      message = scope === 'customer'
        ? `Too many Customer Sessions for this customer; try again in ${retryAfterSeconds} s.`
        : `Too many Customer Sessions across the shop right now; try again in ${retryAfterSeconds} s.`;
    }
    super(message);
    this.reason = reason;
    this.scope = scope;
    this.status = limited ? 429 : 503;
    this.retryAfterSeconds = retryAfterSeconds;
    this.error = { type: limited ? 'rate_limit_error' : 'api_error', message };
  }
}

/**
 * What `onError` gets when a rate limiter could not decide: its store failed (`reason: 'error'`, the
 * store's error as `cause`) or did not answer within `rateLimitTimeoutMs` (`reason: 'timeout'`). `scope`
 * says which limiter: the per-customer one (`'customer'`) or the Stripe budget (`'account'`).
 */
export class RateLimiterUnavailableError extends Error {
  /** Always `'RateLimiterUnavailableError'`. */
  override readonly name = 'RateLimiterUnavailableError';
  /** `error`: the store threw or rejected; `timeout`: it did not answer within `rateLimitTimeoutMs`. */
  readonly reason: 'error' | 'timeout';
  /** Which limiter failed: `customer` (`rateLimit`) or `account` (`stripeBudget`). */
  readonly scope: RateLimitScope;

  constructor(reason: 'error' | 'timeout', detail: string, cause?: unknown, scope: RateLimitScope = 'customer') {
    const which = scope === 'customer' ? 'Customer Session rate limiter' : 'Stripe budget limiter';
    super(`The ${which} ${detail}.`, cause === undefined ? undefined : { cause });
    this.reason = reason;
    this.scope = scope;
  }
}
