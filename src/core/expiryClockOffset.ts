/**
 * How far the local clock is ahead of the server's (negative when behind), in milliseconds.
 *
 * Assumes the session was created for this request, so its `created` (server seconds) is the
 * server's time while the request was in flight. Measuring from when the request was *sent*
 * errs on the early side by the request's latency: the session is treated as expiring slightly
 * before it really does, never after.
 */
export function expiryClockOffset(localSentAtMs: number, createdSeconds: number): number {
  return localSentAtMs - createdSeconds * 1000;
}
