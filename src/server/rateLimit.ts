import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import type { CustomerParams } from './customerParams';
import { insuranceFor, type LimitNumbers } from './rateLimitInsurance';
import {
  CustomerSessionRateLimitError,
  RateLimiterUnavailableError,
  type CustomerSessionRateLimiter,
  type RateLimitScope,
} from './rateLimitTypes';
import { readRejection, type Rejection } from './readRejection';
import type { CustomerSessionRateLimitOptions } from './types';

/** One limit as checked per request. */
interface PreparedLimit {
  scope: RateLimitScope;
  limiter: CustomerSessionRateLimiter;
  /** The in-memory limit used while the store fails under 'allow'; null for an in-memory limiter or under 'deny'. */
  insurance: CustomerSessionRateLimiter | null;
  /** null for an in-memory limiter: it answers synchronously, so no timer is armed for it. */
  timeoutMs: number | null;
}

/** The limits as checked per request: the customer's, then the account's Stripe budget; either may be off. */
export interface PreparedRateLimit {
  failure: 'allow' | 'deny';
  limits: PreparedLimit[];
}

export const defaultRateLimit = { points: 20, durationSeconds: 60 } as const;
/**
 * Sessions per second for the whole shop. Stripe allows an account about 100 operations per second in
 * live mode and 25 in test mode (and 25 per endpoint): 10 leaves 90% of live and 60% of test mode to
 * payments, and stays under the endpoint's own limit even at a window's seam (2 × 10 within a second).
 */
export const defaultStripeBudget = { sessionsPerSecond: 10 } as const;
const defaultTimeoutMs = 1000;
// Retry-After of a 503 when the store is down and `rateLimitFailure` is 'deny'.
const unavailableRetryAfterSeconds = 5;
// The longest Retry-After: the client honours up to 60 s, and the budget's queue never needs more; a
// black-listed customer's "never" becomes a day.
const maxRetryAfterSeconds: Record<RateLimitScope, number> = { customer: 86_400, account: 60 };
/** The one key of the account budget: every instance sharing a store-backed limiter spends it. */
export const stripeBudgetKey = 'stripe-account';

// One in-memory limiter per (prefix, points, duration) in this process, so every handler and every
// createCustomerSession call with the same numbers spends one budget.
const memoryLimiters = new Map<string, CustomerSessionRateLimiter>();

function memoryLimiter(keyPrefix: string, points: number, durationSeconds: number): CustomerSessionRateLimiter {
  const id = `${keyPrefix}/${points}/${durationSeconds}`;
  let limiter = memoryLimiters.get(id);
  if (limiter === undefined) {
    limiter = new RateLimiterMemory({ points, duration: durationSeconds, keyPrefix });
    memoryLimiters.set(id, limiter);
  }
  return limiter;
}

const isPositiveInteger = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isLimiter = (value: unknown): value is CustomerSessionRateLimiter =>
  typeof value === 'object' && value !== null && typeof (value as CustomerSessionRateLimiter).consume === 'function';

interface Settings {
  failure: 'allow' | 'deny';
  timeoutMs: number;
}

function storeLimit(scope: RateLimitScope, limiter: CustomerSessionRateLimiter, fallback: LimitNumbers, settings: Settings): PreparedLimit {
  const insurance = settings.failure === 'allow' ? insuranceFor(limiter, fallback) : null;
  return { scope, limiter, insurance, timeoutMs: settings.timeoutMs };
}

function customerLimit(option: CustomerSessionRateLimitOptions['rateLimit'], settings: Settings, caller: string): PreparedLimit | null {
  const fallback = { points: defaultRateLimit.points, duration: defaultRateLimit.durationSeconds };
  const rateLimit = option ?? defaultRateLimit;
  if (rateLimit === false) return null;
  if (isLimiter(rateLimit)) return storeLimit('customer', rateLimit, fallback, settings);
  if (typeof rateLimit === 'object' && rateLimit !== null) {
    const { points, durationSeconds } = rateLimit as { points?: unknown; durationSeconds?: unknown };
    if (!isPositiveInteger(points)) throw new TypeError(`${caller}: rateLimit.points must be a positive integer, got ${String(points)}.`);
    if (!isPositiveInteger(durationSeconds)) {
      throw new TypeError(`${caller}: rateLimit.durationSeconds must be a positive integer, got ${String(durationSeconds)}.`);
    }
    return { scope: 'customer', limiter: memoryLimiter('customer-session', points, durationSeconds), insurance: null, timeoutMs: null };
  }
  throw new TypeError(`${caller}: rateLimit must be false, { points, durationSeconds } or a limiter with consume(key, points).`);
}

function accountLimit(option: CustomerSessionRateLimitOptions['stripeBudget'], settings: Settings, caller: string): PreparedLimit | null {
  const fallback = { points: defaultStripeBudget.sessionsPerSecond, duration: 1 };
  const budget = option ?? defaultStripeBudget;
  if (budget === false) return null;
  if (isLimiter(budget)) return storeLimit('account', budget, fallback, settings);
  if (typeof budget === 'object' && budget !== null) {
    const { sessionsPerSecond } = budget as { sessionsPerSecond?: unknown };
    if (!isPositiveInteger(sessionsPerSecond)) {
      throw new TypeError(`${caller}: stripeBudget.sessionsPerSecond must be a positive integer, got ${String(sessionsPerSecond)}.`);
    }
    return { scope: 'account', limiter: memoryLimiter('customer-session-budget', sessionsPerSecond, 1), insurance: null, timeoutMs: null };
  }
  throw new TypeError(`${caller}: stripeBudget must be false, { sessionsPerSecond } or a limiter with consume(key, points).`);
}

/** Checks the rate-limit options once (at handler creation) and resolves them to limiters. */
export function prepareRateLimit(options: CustomerSessionRateLimitOptions, caller: string): PreparedRateLimit {
  const { rateLimitFailure = 'allow', rateLimitTimeoutMs = defaultTimeoutMs } = options;
  if (rateLimitFailure !== 'allow' && rateLimitFailure !== 'deny') {
    throw new TypeError(`${caller}: rateLimitFailure must be 'allow' or 'deny', got ${JSON.stringify(rateLimitFailure)}.`);
  }
  if (!isPositiveInteger(rateLimitTimeoutMs)) {
    throw new TypeError(`${caller}: rateLimitTimeoutMs must be a positive integer, got ${String(rateLimitTimeoutMs)}.`);
  }
  const settings = { failure: rateLimitFailure, timeoutMs: rateLimitTimeoutMs };
  const limits = [customerLimit(options.rateLimit, settings, caller), accountLimit(options.stripeBudget, settings, caller)];
  return { failure: rateLimitFailure, limits: limits.filter((limit): limit is PreparedLimit => limit !== null) };
}

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
  if (outcome.kind === 'limited') {
    throw new CustomerSessionRateLimitError('limited', retryAfterSeconds(limit, limiter, outcome, points), limit.scope);
  }
  return limiter;
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
