/**
 * Timing defaults for keeping a Customer Session fresh.
 *
 * - `refreshMarginMs`: refresh this long before `expires_at`. Five minutes is what Stripe's Android
 *   SDK uses for its 30-minute sessions: enough to ride out a slow endpoint and a few retries.
 * - `maxMarginFraction`: the margin never exceeds this fraction of the session's lifetime, so a short
 *   session (say 2 minutes) is refreshed at half-life instead of immediately and in a loop.
 */
export const expiryDefaults = {
  refreshMarginMs: 5 * 60 * 1000,
  maxMarginFraction: 0.5,
} as const;
