'use client';
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { initialState, seedInitialSession } from './initialSession';
import { sessionQueryOptions } from './query';
import { createSessionStore, useTrackedState, type SessionObserverOptions, type SessionStore } from './store';
import type { CustomerSessionState, UseCustomerSessionOptions } from './types';

/** Internal: the QueryClient a `CustomerSessionProvider` settled on, so hooks inside share its sessions. */
export const CustomerSessionQueryClientContext = createContext<QueryClient | null>(null);

let pageClient: QueryClient | undefined;

function pageQueryClient(): QueryClient {
  if (!pageClient) {
    pageClient = new QueryClient();
    pageClient.mount(); // follow focus and online events, like a QueryClientProvider would
  }
  return pageClient;
}

// A value read at request time (the latest any render gave), never part of the session's identity.
function latest<T>(value: T): { get(): T; set(value: T): void } {
  return {
    get: () => value,
    set: (next) => {
      value = next;
    },
  };
}

/**
 * The QueryClient a session hook runs on: the given one, the provider's, the app's, else (with
 * `pageWide`) one per page, so hooks with neither provider above them still share one session.
 */
export function useSessionQueryClient(given?: QueryClient, pageWide = true): QueryClient | null {
  const fromProvider = useContext(CustomerSessionQueryClientContext);
  const fromApp = useContext(QueryClientContext);
  const client = given ?? fromProvider ?? fromApp;
  if (client) return client;
  // On the server nothing is fetched: no client is needed, and none is shared between requests.
  return pageWide && typeof window !== 'undefined' ? pageQueryClient() : null;
}

/**
 * Internal: one session observer per hook or provider, the way TanStack's `useBaseQuery` keeps one,
 * and the store its readers subscribe to. `null` during server rendering: no query, no timer.
 */
export function useSessionStore(
  options: UseCustomerSessionOptions,
  client: QueryClient | null,
  element?: { mount: number; getRequestInit: () => RequestInit | undefined },
): { store: SessionStore | null; serverState: CustomerSessionState } {
  const { endpoint, enabled = true, refreshMarginMs, requestInit, initialSession } = options;
  // The component list keys the session by content, so a fresh array each render is fine.
  const componentsId = [...new Set(options.components)].sort().join();
  // An element's session reads its provider's `requestInit`.
  const [latestInit] = useState(() => (element ? { get: element.getRequestInit, set() {} } : latest(requestInit)));
  useEffect(() => latestInit.set(requestInit));
  const defaulted = useMemo(
    () =>
      // Server rendering builds nothing: no query in the request's QueryClient, no gc timer holding it.
      client && typeof window !== 'undefined'
        ? (client.defaultQueryOptions({ ...sessionQueryOptions(endpoint, options.components, latestInit.get, refreshMarginMs, element?.mount), enabled }) as SessionObserverOptions)
        : null,
    // `componentsId` stands for `options.components`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, endpoint, componentsId, enabled, refreshMarginMs, latestInit, element?.mount],
  );

  // The observer lives as long as its client (like useBaseQuery's); option changes reach it after
  // commit. A server-rendered session seeds the cache once, before the observer reads it.
  const store = useMemo(() => {
    if (!client || !defaulted) return null;
    if (enabled) seedInitialSession(client, defaulted.queryKey, initialSession, refreshMarginMs);
    return createSessionStore(client, defaulted);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);
  if (defaulted) store?.render(defaulted);
  useEffect(() => {
    if (store && defaulted) store.commit(defaulted);
  }, [store, defaulted]);
  const [serverState] = useState(() => initialState(initialSession, options.components));
  return { store, serverState };
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
