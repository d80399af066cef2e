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
