'use client';
import type { CustomerSession } from '../core/types';

/** What the session query caches: the session and the clock offset measured when it was fetched. */
export interface CustomerSessionData {
  session: CustomerSession;
  /** Local clock minus server clock, ms (see `expiryClockOffset`); 0 when the session has no `created`. */
  clockOffsetMs: number;
  /** `session.created`, or without it the local send time in seconds (the local clock is trusted then). */
  createdSeconds: number;
}
