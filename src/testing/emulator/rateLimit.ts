import type { StripeErrorObject } from '../../core/types';
import type { EmulatorClock } from './types';

/** The account's request budget: a token bucket that holds `perSecond` tokens and refills as fast. */
export interface EmulatorRateLimit {
  perSecond: number;
  tokens: number;
  refilledAt: number;
}

/** Stripe's answer to a request over the account's rate limit (sent with status 429). */
export const rateLimitError: StripeErrorObject = {
  type: 'invalid_request_error',
  code: 'rate_limit',
  doc_url: 'https://stripe.com/docs/error-codes/rate-limit',
  message: 'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
};

export function createRateLimit(option: { perSecond: number } | undefined, clock: EmulatorClock): EmulatorRateLimit | null {
  if (option === undefined) return null;
  const { perSecond } = option as { perSecond?: unknown };
  if (typeof perSecond !== 'number' || !Number.isFinite(perSecond) || perSecond <= 0) {
    throw new TypeError(`createStripeEmulator: rateLimit.perSecond must be a positive number, got ${String(perSecond)}.`);
  }
  return { perSecond, tokens: perSecond, refilledAt: clock.now() };
}

/**
 * Takes one request from the bucket; false when it is empty. Stripe describes its limiter as a token
 * bucket: a steady `perSecond`, with bursts up to `perSecond` once it has been idle.
 */
export function takeRequest(limit: EmulatorRateLimit, now: number): boolean {
  const elapsedSeconds = Math.max(0, now - limit.refilledAt) / 1000;
  limit.tokens = Math.min(limit.perSecond, limit.tokens + elapsedSeconds * limit.perSecond);
  limit.refilledAt = Math.max(limit.refilledAt, now);
  if (limit.tokens < 1) return false;
  limit.tokens -= 1;
  return true;
}
