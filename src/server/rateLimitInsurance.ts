import { MemoryRateLimiter } from './memoryRateLimiter';
import { MemoryBurstLimiter, MemoryLimitUnion } from './memoryLimiterShapes';
import type { CustomerSessionRateLimiter } from './rateLimitTypes';

/** The numbers of a limit: `points` per `duration` seconds. */
export interface LimitNumbers {
  points: number;
  duration: number;
}

// The parts of rate-limiter-flexible's classes read here (duck-typed: nothing of the library is imported,
// so ./server stays edge-safe): public getters of every limiter (`points`, `duration`, `blockDuration`,
// `keyPrefix`, `insuranceLimiter`), the wrappers' `limiter`, and the constructor arguments
// BurstyRateLimiter and RateLimiterUnion keep.
interface LimiterShape {
  insuranceLimiter?: unknown;
  limiter?: unknown;
  points?: unknown;
  duration?: unknown;
  blockDuration?: unknown;
  keyPrefix?: unknown;
  _rateLimiter?: unknown;
  _burstLimiter?: unknown;
  _limiters?: unknown;
}

const hasConsume = (value: unknown): value is CustomerSessionRateLimiter =>
  typeof value === 'object' && value !== null && typeof (value as CustomerSessionRateLimiter).consume === 'function';

const isPositive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

// In memory, with the numbers of `limiter` (or of the limiter a wrapper holds), else `fallback`.
function memoryLike(limiter: CustomerSessionRateLimiter, fallback: LimitNumbers, depth = 0): MemoryRateLimiter {
  const shape = limiter as LimiterShape;
  // RLWrapperBlackAndWhite and RLWrapperTimeouts: the lists are checked before the store is, so a
  // failure only ever concerns the wrapped limiter.
  if (hasConsume(shape.limiter) && depth < 4) return memoryLike(shape.limiter, fallback, depth + 1);
  const [points, duration] = isPositive(shape.points) && isPositive(shape.duration) ? [shape.points, shape.duration] : [fallback.points, fallback.duration];
  const blockDuration = isPositive(shape.blockDuration) ? shape.blockDuration : 0;
  const keyPrefix = typeof shape.keyPrefix === 'string' ? shape.keyPrefix : 'customer-session-insurance';
  return new MemoryRateLimiter({ points, duration, blockDuration, keyPrefix });
}

// The same shape as `limiter`: a burst over a rate, a union of limits, or one limit, each answering as
// rate-limiter-flexible's class does (memoryLimiterShapes.ts). (A union only holds plain limiters and
// wrappers, as RateLimiterUnion itself requires.)
function build(limiter: CustomerSessionRateLimiter, fallback: LimitNumbers, depth = 0): CustomerSessionRateLimiter {
  const shape = limiter as LimiterShape;
  if (hasConsume(shape.limiter) && depth < 4) return build(shape.limiter, fallback, depth + 1);
  if (hasConsume(shape._rateLimiter) && hasConsume(shape._burstLimiter)) {
    return new MemoryBurstLimiter(memoryLike(shape._rateLimiter, fallback), memoryLike(shape._burstLimiter, fallback));
  }
  if (Array.isArray(shape._limiters) && shape._limiters.length > 0 && shape._limiters.every(hasConsume)) {
    return new MemoryLimitUnion(shape._limiters.map((part: CustomerSessionRateLimiter) => memoryLike(part, fallback)));
  }
  return memoryLike(limiter, fallback);
}

/**
 * One value per process under `name`, kept on `globalThis`: a process may hold several copies of this
 * package (Next.js bundles pages and route handlers apart), and a module-level value would be one per
 * copy, each with its own budget.
 */
export function processWide<T>(name: string, create: () => T): T {
  const registry = globalThis as unknown as Record<symbol, T | undefined>;
  return (registry[Symbol.for(`react-stripe-customer-session.${name}`)] ??= create());
}

// One insurance per limiter object in the process: two handlers sharing a limiter share its fallback too.
const insurances = processWide('insurances', () => new WeakMap<object, CustomerSessionRateLimiter>());

/**
 * The in-memory limit a store-backed `limiter` falls back to while its store fails: the limiter's own
 * `insuranceLimiter` when it has one (rate-limiter-flexible then uses it itself for store errors; this
 * one covers the timeouts it cannot see), else our `MemoryRateLimiter` with the same numbers (and
 * `blockDuration`), shaped like the limiter (a burst, a union, a wrapped limiter). A limiter whose numbers
 * cannot be read gets `fallback`.
 */
export function insuranceFor(limiter: CustomerSessionRateLimiter, fallback: LimitNumbers): CustomerSessionRateLimiter {
  const own = (limiter as LimiterShape).insuranceLimiter;
  if (hasConsume(own)) return own;
  let insurance = insurances.get(limiter);
  if (insurance === undefined) {
    insurance = build(limiter, fallback);
    insurances.set(limiter, insurance);
  }
  return insurance;
}
