'use client';
import { useContext, useEffect, useMemo, useState, useSyncExternalStore, type JSX } from 'react';
import { QueryClient } from '@tanstack/react-query';
import type { Stripe } from '@stripe/stripe-js';
import { disabledState, subscribeNothing, useTrackedState, type SessionStore } from './store';
import type { CustomerSessionProviderProps, CustomerSessionState, StripeProp, UseCustomerSessionOptions } from './types';
import type { ComponentName } from '../core/componentNames';
import type { CustomerSession } from '../core/types';
import { CustomerSessionContext, useSessionQueryClient, useSessionStore } from './useCustomerSession';
import { initialState, spent } from './initialSession';
import { warnOnce } from '../core/warnings';

/** What `CustomerSessionProvider` shares. Internal: consumers use the hooks. */
export interface CustomerSessionContextValue {
  /** The provider's session; `null` during server rendering. */
  store: SessionStore | null;
  /** What consumers render where there is no store (the server, and hydration). */
  serverState: CustomerSessionState;
  /** The provider's `enabled` (default true). `false`, e.g. for a signed-out visitor: components render anonymously at once. */
  enabled: boolean;
  /**
   * Sign-out, published: goes up each time the provider's session is dropped (`enabled` turned
   * `false`, or the app removed the session from its QueryClient). A secret shown under an older
   * generation belongs to someone else now. A new key (other components or endpoint) is no drop.
   */
  dropGeneration: number;
  /** Stripe instance for `<Elements>`: the `stripe` prop, or `loadStripe(publishableKey)` started lazily on the client. `undefined` when neither was given. */
  getStripe: () => StripeProp | undefined;
  /** The `publishableKey` prop, for the web components' `publishable-key` attribute. */
  publishableKey: string | undefined;
  /** The QueryClient elements create their own sessions on; `null` during server rendering. */
  client: QueryClient | null;
  /** What each element's own session is asked with: the provider's endpoint, margin and `requestInit`, and the components it declared, as given (not sorted or de-duplicated). */
  session: Pick<UseCustomerSessionOptions, 'endpoint' | 'components' | 'refreshMarginMs'> & { getRequestInit: () => RequestInit | undefined };
  /** The server-rendered session an element (by `useId`) renders first, if one enables its component (read like an endpoint's answer: one that is no Customer Session enables nothing); stable across hydration. */
  takeInitial: (id: string, component: ComponentName) => CustomerSession | undefined;
  /** Marks an element's initial session used: another element mounted at its place later asks the endpoint. */
  spendInitial: (id: string) => void;
  /** After a drop, marks every server-rendered session not handed out yet (the provider's own too) used. */
  spendAll: () => void;
}

// Defined beside the hooks that read it (they share its module's imports).
export { CustomerSessionContext };

/**
 * What the provider reads once, on its first render (the props say "Read once").
 * - `getStripe`: the given `stripe`, else `loadStripe(publishableKey)` started on first call in the
 *   browser (never during SSR) and remembered, else `undefined`. Stripe.js is imported only then, so
 *   merely importing this package never injects its script.
 * - The server-rendered element sessions (`initialSessions`, else the one `initialSession`): each
 *   element takes the first unused one that enables its component, in render order, which is the
 *   same on the server and while hydrating; the same `useId` gets the same one (StrictMode renders
 *   twice) until its element has mounted. One an element of this page has already rendered is never
 *   handed out again (single use), even by a provider mounted later with the same props (a page
 *   entered again with its server payload cached, as on a Back navigation).
 */
function readOnce({ stripe, publishableKey, initialSessions, initialSession, components }: CustomerSessionProviderProps) {
  let loading: Promise<Stripe | null> | undefined;
  // Each read once, as the provider reads its own (a session without `components` enables the requested ones).
  const left = (initialSessions ?? [initialSession]).filter((session) => !spent.has(session?.client_secret)).map((session) => ({ session, state: initialState(session, components) }));
  // By `useId` (whose ids never name an `Object.prototype` key).
  const taken: Record<string, CustomerSession | undefined> = {};
  return {
    getStripe: (): StripeProp | undefined =>
      stripe !== undefined || publishableKey === undefined || typeof window === 'undefined'
        ? stripe
        : (loading ??= import('@stripe/stripe-js').then(({ loadStripe }) => loadStripe(publishableKey))),
    publishableKey,
    takeInitial(id, component) {
      if (!(id in taken)) {
        const index = left.findIndex(({ state }) => state.isEnabled(component));
        taken[id] = index < 0 ? undefined : left.splice(index, 1)[0]!.session;
      }
      return taken[id];
    },
    spendInitial(id) {
      spent.add(taken[id]?.client_secret);
      taken[id] = undefined;
    },
    spendAll() {
      for (const { session } of [...left, { session: initialSession }]) spent.add(session?.client_secret);
    },
  } satisfies Partial<CustomerSessionContextValue>;
}

/** In development, warns once per prop when `stripe` or `publishableKey` changes: the provider keeps the first. */
function useWarnIfReadOnceChanged(props: CustomerSessionProviderProps): void {
  const [first] = useState(props);
  useEffect(() => {
    for (const name of ['stripe', 'publishableKey'] as const) {
      if (props[name] !== first[name]) {
        warnOnce(
          `read-once ${name}`,
          `\`${name}\` changed after the first render of <CustomerSessionProvider>, which reads it once and keeps the first. Pass the same value on every render (call loadStripe outside render), or give the provider a new \`key\` to start over.`,
        );
      }
    }
  });
}

/**
 * Counts how often the store's session was dropped: its observer moved to a new query under the
 * same key, which only happens when the old one was removed while in use (sign-out, `clear()`).
 */
function dropCounter(store: SessionStore | null): () => number {
  let query = store?.query();
  let drops = 0;
  return () => {
    const current = store?.query();
    if (current !== query && current?.queryHash === query?.queryHash) drops++;
    query = current;
    return drops;
  };
}

/**
 * Fetches one Customer Session for everything inside it and keeps it fresh; read it with
 * `useCustomerSessionContext()`. Uses the `queryClient` prop, else the surrounding
 * `QueryClientProvider`'s client, else a private one created once for this provider.
 */
export function CustomerSessionProvider(props: CustomerSessionProviderProps): JSX.Element {
  const { children, queryClient, ...options } = props;
  const given = useSessionQueryClient(queryClient, false);
  const [privateClient] = useState(() => (given || typeof window === 'undefined' ? null : new QueryClient()));
  const client = given ?? privateClient;
  // Follows focus and online events while the provider is mounted, as a QueryClientProvider would.
  useEffect(() => {
    privateClient?.mount();
    return () => privateClient?.unmount();
  }, [privateClient]);

  const { store, serverState, getRequestInit } = useSessionStore(options, client);
  // Subscribing keeps the session alive while the provider is mounted; it re-renders only on a drop.
  // (`enabled` turned off needs no count: components see the status `off` at once.)
  const countDrops = useMemo(() => dropCounter(store), [store]);
  const dropGeneration = useSyncExternalStore(store ? store.subscribe : subscribeNothing, countDrops, () => 0);
  const enabled = options.enabled !== false;
  const [setup] = useState(() => readOnce(props));
  useEffect(() => {
    if (dropGeneration) setup.spendAll();
  }, [setup, dropGeneration]);
  // A build-time constant: the hook is called on every render or on none.
  // eslint-disable-next-line react-hooks/rules-of-hooks
  if (process.env.NODE_ENV !== 'production') useWarnIfReadOnceChanged(props);
  const { endpoint, components, refreshMarginMs } = options;
  // By content: an inline array is a new one on every render.
  const componentsId = String(components);
  const value = useMemo<CustomerSessionContextValue>(
    () => ({
      store,
      serverState,
      enabled,
      dropGeneration,
      client,
      session: { endpoint, components, refreshMarginMs, getRequestInit },
      ...setup,
      // After a drop the server-rendered sessions not yet taken are someone else's: an element mounting now asks the endpoint.
      ...(dropGeneration && { takeInitial: () => undefined }),
    }),
    // (`serverState`, `getRequestInit` and `setup` are fixed for the provider's life; `client` changes with `store`.)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, enabled, dropGeneration, endpoint, componentsId, refreshMarginMs],
  );
  return <CustomerSessionContext.Provider value={value}>{children}</CustomerSessionContext.Provider>;
}

/**
 * Internal: the provider's context value and its session state as of this render (the expiry is
 * checked on every read), or a clear error naming the caller outside a provider (`optional`: `null`).
 */
export function useSessionContext(caller: string): { value: CustomerSessionContextValue; state: CustomerSessionState };
export function useSessionContext(caller: string, optional: true): { value: CustomerSessionContextValue; state: CustomerSessionState } | null;
export function useSessionContext(caller: string, optional = false): { value: CustomerSessionContextValue; state: CustomerSessionState } | null {
  const value = useContext(CustomerSessionContext);
  // (Outside a provider: off, and the empty state.)
  const state = useTrackedState(value?.store ?? null, value?.serverState ?? disabledState, !value?.enabled);
  if (value || optional) return value && { value, state };
  throw new Error(
    process.env.NODE_ENV !== 'production'
      ? `${caller} must be used inside <CustomerSessionProvider>. Wrap the part of your app that renders it in <CustomerSessionProvider endpoint="...">.`
      : `${caller}: no <CustomerSessionProvider>`,
  );
}

/**
 * The session shared by the nearest `CustomerSessionProvider`. Throws outside one. Like TanStack's
 * query results, it re-renders only when a field it has read changes.
 */
export function useCustomerSessionContext(): CustomerSessionState {
  return useSessionContext('useCustomerSessionContext()').state;
}
