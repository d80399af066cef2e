import { expiryDefaults } from './expiryDefaults';

export interface ExpirySchedule {
  /** Local time (ms) from which the secret must no longer be used. */
  expiresAtLocal: number;
  /** Local time (ms) at which a refresh should start. */
  refreshAtLocal: number;
  /** The margin actually applied (the requested one, clamped to half the lifetime). */
  marginMs: number;
}

/**
 * When to refresh a session and when it expires, on the local clock.
 * `clockOffsetMs` comes from `expiryClockOffset`; `refreshMarginMs` defaults to five minutes and
 * is clamped to `maxMarginFraction` of the session's lifetime (`expires_at − created`).
 */
export function expirySchedule(
  session: { created: number; expires_at: number },
  clockOffsetMs: number,
  refreshMarginMs: number = expiryDefaults.refreshMarginMs,
): ExpirySchedule {
  const expiresAtLocal = session.expires_at * 1000 + clockOffsetMs;
  const lifetimeMs = Math.max(0, (session.expires_at - session.created) * 1000);
  const requested = Number.isFinite(refreshMarginMs) ? Math.max(0, refreshMarginMs) : expiryDefaults.refreshMarginMs;
  const marginMs = Math.min(requested, lifetimeMs * expiryDefaults.maxMarginFraction);
  return { expiresAtLocal, refreshAtLocal: expiresAtLocal - marginMs, marginMs };
}
