/** What a limiter's rejection means: over the limit (and for how long), or a store that failed. */
export type Rejection =
  | { kind: 'limited'; msBeforeNext: number; consumedPoints?: number }
  | { kind: 'failed'; cause: unknown };

// A union of unions of unions is still a union; deeper than this is not a limiter's answer.
const maxDepth = 4;

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Reads a rejection of `consume` the way `rate-limiter-flexible` gives it:
 * - a `RateLimiterRes` (or any object with a numeric `msBeforeNext`): over the limit. A negative wait
 *   (a key that never expires) and the black list's `Number.MAX_SAFE_INTEGER` are "long", left to the caller to cap;
 * - a `RateLimiterUnion`'s map `{ [keyPrefix]: RateLimiterRes | Error }` of the limiters that refused:
 *   over the limit when any of them is, with the longest wait; a failed store only when none is;
 * - anything else (an `Error`, a string, a timeout): the store failed.
 */
export function readRejection(reason: unknown, depth = 0): Rejection {
  if (typeof reason !== 'object' || reason === null || reason instanceof Error) return { kind: 'failed', cause: reason };
  const { msBeforeNext, consumedPoints } = reason as { msBeforeNext?: unknown; consumedPoints?: unknown };
  if (typeof msBeforeNext === 'number' && !Number.isNaN(msBeforeNext)) {
    const limited: Rejection = { kind: 'limited', msBeforeNext: msBeforeNext < 0 ? Number.POSITIVE_INFINITY : msBeforeNext };
    if (typeof consumedPoints === 'number' && Number.isFinite(consumedPoints)) limited.consumedPoints = consumedPoints;
    return limited;
  }
  const parts = isPlainObject(reason) && depth < maxDepth ? Object.values(reason).map((part) => readRejection(part, depth + 1)) : [];
  let longest: number | undefined;
  for (const part of parts) {
    if (part.kind === 'limited') longest = Math.max(longest ?? 0, part.msBeforeNext);
  }
  // A union's wait is the longest of its refusals; the points a part counted say nothing about the union.
  return longest === undefined ? { kind: 'failed', cause: reason } : { kind: 'limited', msBeforeNext: longest };
}
