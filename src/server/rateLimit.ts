import type { CustomerParams } from './customerParams';
import { isPositiveInteger, type PreparedLimit, type PreparedRateLimit } from './rateLimitOptions';
import {
  CustomerSessionRateLimitError,
  RateLimiterUnavailableError,
  type CustomerSessionRateLimiter,
  type RateLimitScope,
} from './rateLimitTypes';
import { readRejection, type Rejection } from './readRejection';

export { defaultRateLimit, defaultStripeBudget, prepareRateLimit, type PreparedRateLimit } from './rateLimitOptions';

// Retry-After of a 503 when the store is down and `rateLimitFailure` is 'deny'.
const unavailableRetryAfterSeconds = 5;
// The longest Retry-After: the client honours up to 60 s, and the budget's queue never needs more; a
// black-listed customer's "never" becomes a day.
const maxRetryAfterSeconds: Record<RateLimitScope, number> = { customer: 86_400, account: 60 };
/** The one key of the account budget: every instance sharing a store-backed limiter spends it. */
export const stripeBudgetKey = 'stripe-account';

/** The limiter key: the customer the server resolved, never a value from the browser. */
export function rateLimitKey(customer: CustomerParams): string {
  return 'customer' in customer ? `customer:${customer.customer}` : `customer_account:${customer.customer_account}`;
}

type Outcome = { kind: 'allowed' } | Extract<Rejection, { kind: 'limited' }> | { kind: 'failed'; error: RateLimiterUnavailableError };

async function consumeWithin(limit: PreparedLimit, limiter: CustomerSessionRateLimiter, key: string, points: number): Promise<Outcome> {
  const { timeoutMs, scope } = limit;
  // Settles either way, so a store that answers after the timeout leaves no unhandled rejection.
  const consumed = Promise.resolve()
    .then(() => limiter.consume(key, points))
    .then(
      (): Outcome => ({ kind: 'allowed' }),
      (reason: unknown): Outcome => {
        const rejection = readRejection(reason);
        return rejection.kind === 'limited' ? rejection : { kind: 'failed', error: new RateLimiterUnavailableError('error', 'failed', reason, scope) };
      },
    );
  if (timeoutMs === null) return consumed;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => {
      resolve({ kind: 'failed', error: new RateLimiterUnavailableError('timeout', `did not answer within ${timeoutMs} ms`, undefined, scope) });
    }, timeoutMs);
  });
  try {
    return await Promise.race([consumed, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whole seconds until there is room. For the account budget, a refusal that counted `consumedPoints`
 * in a window of a known size is told which later window its turn falls in, so refused customers come
 * back spread over the next seconds instead of all at once when the window reopens.
 */
function retryAfterSeconds(limit: PreparedLimit, limiter: CustomerSessionRateLimiter, refusal: Extract<Outcome, { kind: 'limited' }>, points: number): number {
  let waitMs = refusal.msBeforeNext;
  const { points: perWindow, duration } = limiter as { points?: unknown; duration?: unknown };
  if (limit.scope === 'account' && refusal.consumedPoints !== undefined && isPositiveInteger(perWindow) && typeof duration === 'number' && duration > 0) {
    const aheadInQueue = refusal.consumedPoints - perWindow - points;
    waitMs += Math.max(0, Math.floor(aheadInQueue / perWindow)) * duration * 1000;
  }
  return Math.min(maxRetryAfterSeconds[limit.scope], Math.max(1, Math.ceil(waitMs / 1000)));
}

/** Spends `points` from one limit; resolves with the limiter that counted them (null: none could). */
async function spend(limit: PreparedLimit, key: string, points: number, failure: 'allow' | 'deny', report: (error: RateLimiterUnavailableError) => void): Promise<CustomerSessionRateLimiter | null> {
  let limiter = limit.limiter;
  let outcome = await consumeWithin(limit, limiter, key, points);
  if (outcome.kind === 'failed') {
    report(outcome.error);
    if (failure === 'deny') throw new CustomerSessionRateLimitError('limiter_unavailable', unavailableRetryAfterSeconds, limit.scope);
    if (limit.insurance === null) return null;
    // A failing store never means no limit: the same numbers, in this process's memory.
    limiter = limit.insurance;
    outcome = await consumeWithin(limit, limiter, key, points);
    if (outcome.kind === 'failed') return null;
  }
  if (outcome.kind === 'limited' && limit.scope === 'account' && borrowAhead(limiter, key, outcome, points)) return limiter;
  if (outcome.kind === 'limited') {
    throw new CustomerSessionRateLimitError('limited', retryAfterSeconds(limit, limiter, outcome, points), limit.scope);
  }
  return limiter;
}

/**
 * A batch larger than one window of the budget could never fit, so it goes through alone, on a window
 * that held nothing before it, and the budget stays closed (the limiter's `block`) for the windows it
 * borrowed: the average holds, and no request waits forever. True when the batch may go.
 */
function borrowAhead(limiter: CustomerSessionRateLimiter, key: string, refusal: Extract<Outcome, { kind: 'limited' }>, points: number): boolean {
  const { points: perWindow, duration, block } = limiter as { points?: unknown; duration?: unknown; block?: unknown };
  if (!isPositiveInteger(perWindow) || points <= perWindow || refusal.consumedPoints !== points) return false;
  if (typeof block === 'function' && typeof duration === 'number' && duration > 0) {
    const seconds = Math.ceil(points / perWindow) * duration;
    Promise.resolve()
      .then(() => (block as (key: string, seconds: number) => unknown).call(limiter, key, seconds))
      .catch(() => {});
  }
  return true;
}

/**
 * Spends `points` sessions (one per Stripe call; a batch spends all of its sessions at once) from the
 * customer's limit, then from the account's Stripe budget. Throws `CustomerSessionRateLimitError` (with
 * the `scope` that refused) when over a limit, or when a store failed and the mode is 'deny'; a store
 * failure is passed to `report` either way. A customer refused by the budget gets their points back
 * (when the limiter can `reward`): the budget's wait is not theirs to pay for.
 */
export async function enforceRateLimit(
  prepared: PreparedRateLimit,
  customer: CustomerParams,
  report: (error: RateLimiterUnavailableError) => void,
  points = 1,
): Promise<void> {
  const spent: Array<{ limiter: CustomerSessionRateLimiter; key: string }> = [];
  for (const limit of prepared.limits) {
    const key = limit.scope === 'customer' ? rateLimitKey(customer) : stripeBudgetKey;
    try {
      const limiter = await spend(limit, key, points, prepared.failure, report);
      if (limiter !== null) spent.push({ limiter, key });
    } catch (error) {
      for (const earlier of spent) refund(earlier.limiter, earlier.key, points);
      throw error;
    }
  }
}

function refund(limiter: CustomerSessionRateLimiter, key: string, points: number): void {
  const { reward } = limiter as { reward?: unknown };
  if (typeof reward !== 'function') return;
  // Best effort and not awaited: a slow store must not hold the refusal up.
  Promise.resolve()
    .then(() => (reward as (key: string, points: number) => unknown).call(limiter, key, points))
    .catch(() => {});
}
