'use client';
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentName } from '../core/componentNames';
import { refreshMoment } from '../core/expiry';
import { readSessionData, type CustomerSessionData } from '../core/fetch';
import type { CustomerSession } from '../core/types';
import { deriveState, disabledState, resolved, type SessionObserverOptions } from './store';
import type { CustomerSessionState } from './types';

/**
 * A server-rendered session as the query would hold it, or `undefined` when there is none or it is
 * not a Customer Session. Parsed like an endpoint's answer (so a session without `components`
 * enables exactly the requested ones). Its expiry is measured from the navigation start in the
 * browser: the server created it while handling the page's request, so after the navigation
 * started, and measuring from there errs early, never late. On the server, from now.
 */
function asData(session: CustomerSession | undefined, components?: readonly ComponentName[]): CustomerSessionData | undefined {
  if (session) {
    try {
      return readSessionData(session, components, (typeof window === 'object' && performance.timeOrigin) || Date.now());
    } catch {
      // Not a Customer Session: as if there were none.
    }
  }
}

/**
 * The server-rendered secrets this page must not hand out (again): each one an element has rendered,
 * and, once a provider dropped its customer, every one it had not handed out yet. Browser only (filled
 * after mount), so a page entered again from a cached server payload (Back) mounts a provider that
 * finds them spent.
 */
export const spent = new Set<string | undefined>();

/**
 * Seeds a session query with a server-rendered session (browser only, once, when the cache holds
 * none): unless it is spent, or already expired or due for a refresh by the navigation-start measure,
 * in which case it is never shown and the observer fetches a new one at once. The query is built with
 * the session's own options, never the app's defaults (whose `gcTime` could keep it for good).
 */
export function seedInitialSession(client: QueryClient, options: SessionObserverOptions, session: CustomerSession | undefined, refreshMarginMs?: number): void {
  const data = asData(session, options.queryKey[2]);
  // Kept 30 s once unobserved, an element's too: with its own gcTime of 0, the seeded query would go
  // before hydration's effects subscribe its observer, and the element would ask for another session.
  const query = client.getQueryCache().build(client, { ...options, gcTime: 30_000 });
  if (data && !spent.has(session!.client_secret) && query.state.data === undefined && Date.now() < refreshMoment(data, refreshMarginMs)) query.setData(data, { manual: true });
}

/**
 * What the server renders, and the browser hydrates with: the initial session as given (`ready`
 * with its secret), else the empty state. The browser then renders the shared query's own state,
 * so a stale initial session is replaced at once, without a hydration mismatch.
 */
export function initialState(session: CustomerSession | undefined, components?: readonly ComponentName[]): CustomerSessionState {
  const data = asData(session, components);
  // As given, whatever the clock says (`now` 0): the server created it for this page, and the browser
  // hydrates with what the server rendered; the store's own state then applies the expiry.
  return data ? deriveState({ data, error: null, status: 'success', fetchStatus: 'idle' }, resolved, 0) : disabledState;
}
