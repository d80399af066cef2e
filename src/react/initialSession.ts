'use client';
import { useState } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { refreshMoment, sessionTiming } from '../core/expiry';
import type { CustomerSessionData } from '../core/fetch';
import { parseCustomerSessionResponse } from '../core/parse';
import type { CustomerSession } from '../core/types';
import { deriveState, disabledState } from './store';
import type { CustomerSessionState } from './types';

// A server-rendered session was created while the server handled the page's request: before the
// page arrived, so after the navigation started. Measuring from there errs early, never late.
function navigationStart(): number {
  return typeof performance === 'object' && performance.timeOrigin > 0 ? performance.timeOrigin : Date.now();
}

/** The session as the query would hold it, measured from `sentAt`; `null` when it is not a Customer Session. */
function asData(session: CustomerSession, sentAt: number): CustomerSessionData | null {
  try {
    const parsed = parseCustomerSessionResponse(session);
    return { session: parsed, ...sessionTiming(parsed, sentAt) };
  } catch {
    return null;
  }
}

/**
 * Seeds the shared session query with a server-rendered session (browser only, once, when the
 * cache holds none): unless it is already expired or due for a refresh by the navigation-start
 * measure, in which case it is never shown and the observer fetches a new one at once.
 */
export function seedInitialSession(client: QueryClient, queryKey: readonly unknown[], session: CustomerSession | undefined, refreshMarginMs?: number): void {
  if (session === undefined || client.getQueryData(queryKey) !== undefined) return;
  const data = asData(session, navigationStart());
  if (data !== null && Date.now() < refreshMoment(data, refreshMarginMs)) client.setQueryData(queryKey, data);
}

const resolved = (): Promise<void> => Promise.resolve();

/**
 * What the server renders, and the browser hydrates with: the initial session as given (`ready`
 * with its secret), else the empty state. The browser then renders the shared query's own state,
 * so a stale initial session is replaced at once, without a hydration mismatch.
 */
export function useInitialState(session: CustomerSession | undefined): CustomerSessionState {
  const [state] = useState(() => {
    const data = session === undefined ? null : asData(session, typeof window === 'undefined' ? Date.now() : navigationStart());
    return data === null ? disabledState : deriveState({ data, error: null, status: 'success', fetchStatus: 'idle' }, resolved);
  });
  return state;
}
