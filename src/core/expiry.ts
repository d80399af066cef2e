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

// The same numbers as plain constants: the minifier inlines these, not property reads.
const defaultMarginMs = 5 * 60 * 1000;
const maxMarginFraction = 0.5;

/**
 * How far the local clock is ahead of the server's (negative when behind), in milliseconds, as an
 * estimate that is never above the true offset, so the expiry it gives errs early, never late.
 *
 * Assumes the session was created for this request, so the server created it while the request
 * was in flight: after `localSentAtMs` on the local clock, and before `createdSeconds + 1` on the
 * server's (Stripe truncates `created` to whole seconds). Both bounds push the estimate down: it
 * is early by the request's latency up to its creation plus up to one second.
 */
export function expiryClockOffset(localSentAtMs: number, createdSeconds: number): number {
  return localSentAtMs - (createdSeconds + 1) * 1000;
}

/** The refresh margin actually applied: the requested one (default five minutes), at most half the lifetime. */
export function clampRefreshMargin(lifetimeMs: number, refreshMarginMs: number = defaultMarginMs): number {
  const requested = Number.isFinite(refreshMarginMs) ? Math.max(0, refreshMarginMs) : defaultMarginMs;
  return Math.min(requested, Math.max(0, lifetimeMs) * maxMarginFraction);
}

/** A session's expiry as measured once, when it arrived: everything later reads these numbers. */
export interface SessionTiming {
  /** Local time (ms) from which the secret must no longer be used, corrected for clock skew. */
  expiresAt: number;
  /** `expires_at − created` (ms): what the refresh margin is clamped against. */
  lifetimeMs: number;
  /** Local time (ms) of the refresh with the default margin. */
  refreshAt: number;
}

/**
 * Measures a session that was requested at `sentAtMs` (local clock): its expiry moved onto the
 * local clock by `expiryClockOffset`, and the refresh moment with the default margin (clamped to
 * `maxMarginFraction` of the lifetime, `expires_at − created`). Without `created` skew cannot be
 * measured: the local clock is trusted and the lifetime runs from the send time.
 */
export function sessionTiming(session: { created?: number; expires_at: number }, sentAtMs: number): SessionTiming {
  const created = session.created ?? sentAtMs / 1000;
  const expiresAt = session.expires_at * 1000 + (session.created === undefined ? 0 : expiryClockOffset(sentAtMs, created));
  const lifetimeMs = Math.max(0, (session.expires_at - created) * 1000);
  return { expiresAt, lifetimeMs, refreshAt: expiresAt - clampRefreshMargin(lifetimeMs) };
}

/** The refresh moment for a hook's own `refreshMarginMs` (default five minutes; `refreshAt` is that one). */
export function refreshMoment(timing: SessionTiming, refreshMarginMs?: number): number {
  return timing.expiresAt - clampRefreshMargin(timing.lifetimeMs, refreshMarginMs);
}
