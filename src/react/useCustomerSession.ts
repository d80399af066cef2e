'use client';
import { createContext, useContext, useEffect, useInsertionEffect, useMemo, useRef, useState } from 'react';
import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import type { CustomerSessionContextValue } from './CustomerSessionProvider';
import { initialState, seedInitialSession } from './initialSession';
import { sessionQueryOptions } from './query';
import { createSessionStore, useTrackedState, type SessionObserverOptions, type SessionStore } from './store';
import type { CustomerSessionEndpoint, CustomerSessionState, UseCustomerSessionOptions } from './types';
import { warnOnce } from '../core/warnings';

/** What `CustomerSessionProvider` shares (see `CustomerSessionContextValue`). */
export const CustomerSessionContext = createContext<CustomerSessionContextValue | null>(null);
CustomerSessionContext.displayName = 'CustomerSessionContext';

let pageClient: QueryClient | undefined;

function pageQueryClient(): QueryClient {
  if (!pageClient) {
    pageClient = new QueryClient();
    pageClient.mount(); // follow focus and online events, like a QueryClientProvider would
  }
  return pageClient;
}

/**
 * The QueryClient a session hook runs on: the given one, the provider's, the app's, else (with
 * `pageWide`) one per page, so hooks with neither provider above them still share one session.
 */
export function useSessionQueryClient(given?: QueryClient, pageWide = true): QueryClient | null {
  // The client a `CustomerSessionProvider` settled on, so hooks inside share its sessions.
  const fromProvider = useContext(CustomerSessionContext)?.client;
  const fromApp = useContext(QueryClientContext);
  const client = given ?? fromProvider ?? fromApp;
  if (client) return client;
  // On the server nothing is fetched: no client is needed, and none is shared between requests.
  return pageWide && typeof window !== 'undefined' ? pageQueryClient() : null;
}

/**
 * In development, warns once when a function `endpoint` is a new function with the same code on two
 * commits in a row: written inline, it is a new session key on every render (function endpoints are
 * keyed by identity), so the session never settles and each render can cost a Stripe session. One new
 * function now and then (`useMemo` per signed-in user, say) is a new endpoint on purpose.
 */
function useWarnIfEndpointRecreated(endpoint: CustomerSessionEndpoint): void {
  const last = useRef<[endpoint: CustomerSessionEndpoint, recreated: boolean]>([endpoint, false]);
  useEffect(() => {
    const [before, recreatedBefore] = last.current;
    const recreated = typeof endpoint === 'function' && endpoint !== before && String(endpoint) === String(before);
    last.current = [endpoint, recreated];
    if (recreated && recreatedBefore) {
      warnOnce(
        'endpoint-identity',
        '`endpoint` is a new function on every render, and a function endpoint is keyed by identity: each render starts a new session, which never settles, and each can cost a Stripe session. Define the function outside the component, or wrap it in useCallback.',
      );
    }
  });
}

/**
 * Internal: one session observer per hook or provider, the way TanStack's `useBaseQuery` keeps one,
 * and the store its readers subscribe to. `null` during server rendering: no query, no timer.
 */
export function useSessionStore(
  options: UseCustomerSessionOptions,
  client: QueryClient | null,
  element?: { mount: number; getRequestInit: () => RequestInit | undefined },
): { store: SessionStore | null; serverState: CustomerSessionState; getRequestInit: () => RequestInit | undefined } {
  const { endpoint, enabled = true, refreshMarginMs, initialSession } = options;
  // Read at request time (the latest any render gave), never part of the session's identity; an
  // element's session reads its provider's. Stored in an insertion effect, which runs before any
  // passive effect of the commit: a drop one provider makes in its effects re-asks the others' sessions
  // at once, with the credentials of this render (a sign-out's), not the last one's.
  const requestInit = useRef(options.requestInit);
  useInsertionEffect(() => {
    requestInit.current = options.requestInit;
  });
  const [getRequestInit] = useState(() => element?.getRequestInit ?? (() => requestInit.current));
  // Like `useBaseQuery`, the options are built on every render and reach the observer after commit.
  // Server rendering builds nothing: no query in the request's QueryClient, no gc timer holding it.
  // On TanStack's own defaults, never the app's `defaultOptions.queries`: marked defaulted (hashed as
  // the client hashes, so a prefetched session is found), they get nothing merged in. An app-wide
  // `keepPreviousData` would show a dropped customer's secret while the next loads,
  // `refetchOnWindowFocus: false` miss the wake-up of a tab that slept, `'always'` there or on
  // `refetchOnMount`/`refetchOnReconnect` spend a Stripe session per focus or mount, and
  // `notifyOnChangeProps` hide a failure.
  const own = client && typeof window !== 'undefined' && sessionQueryOptions(endpoint, options.components, getRequestInit, refreshMarginMs, element?.mount);
  // (With an app-wide `queryKeyHashFn`, the query keeps it too: TanStack's `exact` filters re-hash with it.)
  const { queryHash, queryKeyHashFn } = own ? client!.defaultQueryOptions(own) : ({} as Partial<SessionObserverOptions>);
  const defaulted = own ? ({ ...own, enabled, queryHash, queryKeyHashFn, _defaulted: true } as unknown as SessionObserverOptions) : null;

  // The observer lives as long as its client (like useBaseQuery's). A server-rendered session seeds
  // the cache once, before the observer reads it.
  const store = useMemo(() => {
    if (!defaulted) return null;
    if (enabled) seedInitialSession(client!, defaulted, initialSession, refreshMarginMs);
    return createSessionStore(client!, defaulted);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);
  if (defaulted) store?.render(defaulted);
  useEffect(() => {
    if (defaulted) store?.commit(defaulted);
  });
  const [serverState] = useState(() => initialState(initialSession, options.components));
  // A build-time constant: the hook is called on every render or on none. (An element's session
  // uses its provider's endpoint: the provider warns.)
  // eslint-disable-next-line react-hooks/rules-of-hooks
  if (process.env.NODE_ENV !== 'production' && !element) useWarnIfEndpointRecreated(endpoint);
  return { store, serverState, getRequestInit };
}

/**
 * A Customer Session from your endpoint, kept fresh until `expires_at`.
 *
 * Every hook with the same endpoint and components shares one session and one request. Runs on the
 * QueryClient of the nearest `CustomerSessionProvider`, else of the nearest `QueryClientProvider`,
 * else on a page-wide client of its own. The returned object only changes when a field its reader
 * has read changes (TanStack-style tracked state).
 *
 * @example
 * const { status, clientSecret, isEnabled } = useCustomerSession({ endpoint: '/api/customer-session', components: ['payment_element'] });
 */
export function useCustomerSession(options: UseCustomerSessionOptions): CustomerSessionState {
  const { store, serverState } = useSessionStore(options, useSessionQueryClient());
  return useTrackedState(store, serverState, options.enabled === false);
}
