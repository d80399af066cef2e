import { MemoryRateLimiter } from './memoryRateLimiter';
import { insuranceFor, processWide, type LimitNumbers } from './rateLimitInsurance';
import type { CustomerSessionRateLimiter, RateLimitScope } from './rateLimitTypes';
import type { CustomerSessionRateLimitOptions } from './types';

/** One limit as checked per request. */
export interface PreparedLimit {
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

// Sized in Stripe sessions, not requests (issue 17: one session per rendered element): a page with a
// Payment Element, a pricing table and 24 buy buttons, loaded and scrolled to the end ten times a
// minute, costs 10 × 27 = 270; 360 leaves a second tab's worth of room and holds an abuser to 360
// Stripe calls in a window (test/server/rateLimitSizing.test.ts).
export const defaultRateLimit = { points: 360, durationSeconds: 60 } as const;
/**
 * Sessions per second for the whole shop. Stripe allows an account about 100 operations per second in
 * live mode and 25 in test mode (and 25 per endpoint): 10 leaves 90% of live and 60% of test mode to
 * payments, and stays under the endpoint's own limit even at a window's seam (2 × 10 within a second).
 */
export const defaultStripeBudget = { sessionsPerSecond: 10 } as const;
const defaultTimeoutMs = 1000;

// One in-memory limiter per (prefix, points, duration) in the process (not per copy of the package),
// so every handler and every createCustomerSession call with the same numbers spends one budget.
const memoryLimiters = processWide('memoryLimiters', () => new Map<string, CustomerSessionRateLimiter>());

function memoryLimiter(keyPrefix: string, points: number, durationSeconds: number): CustomerSessionRateLimiter {
  const id = `${keyPrefix}/${points}/${durationSeconds}`;
  let limiter = memoryLimiters.get(id);
  if (limiter === undefined) {
    limiter = new MemoryRateLimiter({ points, duration: durationSeconds, keyPrefix });
    memoryLimiters.set(id, limiter);
  }
  return limiter;
}

export const isPositiveInteger = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
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
