import type { MemoryRateLimiter, MemoryRateLimiterRes } from './memoryRateLimiter';
import type { CustomerSessionRateLimiter } from './rateLimitTypes';

// In-memory counterparts of rate-limiter-flexible's BurstyRateLimiter and RateLimiterUnion, for the
// fallback of a failing store (rateLimitInsurance.ts): the same answers, from MemoryRateLimiter parts.
// A MemoryRateLimiter only ever rejects with its result, so every rejection here is a refusal.

/**
 * A steady rate with a burst allowance over it: the rate decides first, and only what it refuses is
 * counted by the burst. Both answer with the rate's result, waiting for the sooner of the two.
 */
export class MemoryBurstLimiter implements CustomerSessionRateLimiter {
  constructor(
    private readonly rate: MemoryRateLimiter,
    private readonly burst: MemoryRateLimiter,
  ) {}

  /** The rate's points, as BurstyRateLimiter's getter: the budget reads them to let a large batch through alone. */
  get points(): number {
    return this.rate.points;
  }

  consume(key: string, points = 1): Promise<MemoryRateLimiterRes> {
    return this.rate.consume(key, points).catch((rateRefusal: MemoryRateLimiterRes) => {
      const sooner = (burst: MemoryRateLimiterRes) => ({ ...rateRefusal, msBeforeNext: Math.min(rateRefusal.msBeforeNext, burst.msBeforeNext) });
      return this.burst.consume(key, points).then(sooner, (burstRefusal: MemoryRateLimiterRes) => Promise.reject(sooner(burstRefusal)));
    });
  }
}

/**
 * Several limits at once: every part counts every request, refused ones included. Resolves with each
 * part's result by its `keyPrefix`; rejects with those of the parts that refused (read as the longest wait).
 */
export class MemoryLimitUnion implements CustomerSessionRateLimiter {
  constructor(private readonly parts: readonly MemoryRateLimiter[]) {}

  async consume(key: string, points = 1): Promise<Record<string, MemoryRateLimiterRes>> {
    const answers = await Promise.all(
      this.parts.map((part) =>
        part.consume(key, points).then(
          (res) => ({ part, res, refused: false }),
          (res: MemoryRateLimiterRes) => ({ part, res, refused: true }),
        ),
      ),
    );
    const anyRefused = answers.some((answer) => answer.refused);
    const byPrefix: Record<string, MemoryRateLimiterRes> = {};
    for (const { part, res, refused } of answers) {
      if (refused || !anyRefused) byPrefix[part.keyPrefix] = res;
    }
    return anyRefused ? Promise.reject(byPrefix) : byPrefix;
  }
}
