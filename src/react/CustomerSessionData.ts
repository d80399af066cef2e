'use client';
import type { CustomerSession } from '../core/types';

/** What the session query caches: the session and the clock offset measured when it was fetched. */
export interface CustomerSessionData {
  session: CustomerSession;
  /** Local clock minus server clock, ms (see `expiryClockOffset`). */
  clockOffsetMs: number;
}
