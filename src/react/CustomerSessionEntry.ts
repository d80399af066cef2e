'use client';
import type { CustomerSessionState } from './types';

/** One hook's wishes for the shared session. */
export interface CustomerSessionRegistration {
  enabled: boolean;
  refreshMarginMs: number | undefined;
}

export interface CustomerSessionEntry {
  readonly isActive: () => boolean;
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => CustomerSessionState;
  readonly serverSnapshot: CustomerSessionState;
  /** What a hook that is not `enabled` gets: no session, and `refresh()` does nothing. Stable. */
  readonly getDisabledSnapshot: () => CustomerSessionState;
  /** A registration for one hook; count it in with `register`. */
  readonly createRegistration: () => CustomerSessionRegistration;
  /** Fetches a new session now (joining one already in flight); nothing while no hook is enabled. Never rejects. */
  readonly refresh: () => Promise<void>;
  /** Updates a hook's wishes; the latest `requestInit` any hook gave is used for the next request. */
  readonly configure: (registration: CustomerSessionRegistration, wishes: CustomerSessionRegistration, requestInit: RequestInit | undefined) => void;
  /** Counts a mounted hook in; returns the function that counts it out. */
  readonly register: (registration: CustomerSessionRegistration) => () => void;
  /** The query was removed from the cache while in use: watch a fresh one. */
  readonly restart: () => void;
}
