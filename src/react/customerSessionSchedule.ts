'use client';
import { expirySchedule, type ExpirySchedule } from '../core/expirySchedule';
import type { CustomerSessionData } from './CustomerSessionData';

/** `expirySchedule` for a fetched session, on the local clock. */
export function customerSessionSchedule(data: CustomerSessionData, refreshMarginMs?: number): ExpirySchedule {
  return expirySchedule({ created: data.createdSeconds, expires_at: data.session.expires_at }, data.clockOffsetMs, refreshMarginMs);
}
