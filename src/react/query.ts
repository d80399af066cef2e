'use client';
import type { DataTag, QueryClient, QueryFunctionContext, QueryObserverOptions, UseQueryOptions } from '@tanstack/react-query';
import type { ComponentName } from '../core/componentNames';
import type { CustomerSessionError } from '../core/errors';
import { refreshMoment } from '../core/expiry';
import { requestBatchedSession } from '../core/batch';
import type { CustomerSessionData, CustomerSessionEndpoint } from '../core/fetch';
import { retryDelayMs, shouldRetry } from '../core/retry';

/** First element of every Customer Session query key (see `isCustomerSessionQuery`). */
export const customerSessionQueryKeyPrefix = 'react-stripe-customer-session';

/**
 * `[prefix, endpoint, components]` for the shared session; element sessions (one per mounted
 * element, never shared) add the element's mount number.
 */
export type CustomerSessionQueryKey = readonly [typeof customerSessionQueryKeyPrefix, { url: string } | { fn: number }, readonly ComponentName[], element?: number];

/**
 * True for the queries that hold Customer Sessions. Their client secrets are never persisted: the
 * query opts out of `persister`, and its data serializes to nothing in JSON. A persister that stores
 * objects without JSON (structured clone into IndexedDB) must skip them:
 * `shouldDehydrateQuery: (q) => defaultShouldDehydrateQuery(q) && !isCustomerSessionQuery(q)`.
 */
export function isCustomerSessionQuery(query: { queryKey: readonly unknown[] }): boolean {
  return query.queryKey[0] === customerSessionQueryKeyPrefix;
}

// Function endpoints are keyed by identity: the same function shares one session.
const functionIds = new WeakMap<object, number>();
let nextFunctionId = 1;

/** The query key of one session: endpoint plus sorted, de-duplicated components (and an element's mount). Never `requestInit`. */
export function customerSessionQueryKey(endpoint: CustomerSessionEndpoint, components: readonly ComponentName[] = [], element?: number): CustomerSessionQueryKey {
  let id: { url: string } | { fn: number };
  // A missing environment variable or a typo'd prop, named. (Production builds drop the check: the
  // WeakMap below then throws a TypeError of its own, and an empty URL posts to the page itself.)
  if (process.env.NODE_ENV !== 'production' && !(endpoint && /^(string|function)$/.test(typeof endpoint))) {
    throw new TypeError(`\`endpoint\` must be your endpoint's URL or a function that resolves with a Customer Session, got ${endpoint === '' ? 'an empty string' : endpoint === null ? 'null' : typeof endpoint}.`);
  }
  if (typeof endpoint === 'string') {
    id = { url: endpoint };
  } else {
    let fn = functionIds.get(endpoint);
    if (fn === undefined) functionIds.set(endpoint, (fn = nextFunctionId++));
    id = { fn };
  }
  const sorted = [...new Set(components)].sort();
  return element === undefined ? [customerSessionQueryKeyPrefix, id, sorted] : [customerSessionQueryKeyPrefix, id, sorted, element];
}

// Batches are per QueryClient; TanStack Query 5.52 passes none to the query function.
const sharedOwner = {};

// The request in flight per query, aborted by the lifecycle (see lifecycle.ts) rather than through
// TanStack's `signal`: reading that signal makes TanStack cancel the request the moment the last
// observer leaves, StrictMode's unmount-remount included (TanStack/query#3633). Found by the
// query's own key array (its query function receives it as `context.queryKey`), then by its
// QueryClient: one options object used on two clients gives both queries that array.
// (`context.client` is missing in TanStack Query 5.52: there, such queries share one slot.)
const requests = new WeakMap<object, Map<unknown, AbortController>>();

// Drops on the page so far (a sign-out, a 401, a removal in use, another tab's, a bfcache restore:
// lifecycle.ts counts them). An answer to a request sent before a drop may be the signed-out
// customer's: never shown, asked again (a drop's own re-asks start after it, and are kept).
let drops = 0;
export const countDrop = (): number => drops++;

/** Aborts the session request `query` of `client` has in flight, if any. */
export function abortSessionRequest(client: QueryClient, query: { queryKey: object }): void {
  const slots = requests.get(query.queryKey);
  (slots?.get(client) ?? slots?.get(undefined))?.abort();
}

type SessionOptions = QueryObserverOptions<CustomerSessionData, CustomerSessionError, CustomerSessionData, CustomerSessionData, CustomerSessionQueryKey>;
type SessionQuery = { state: { data?: CustomerSessionData | undefined; dataUpdatedAt: number; fetchStatus: string; status: string } };

/**
 * Internal form: `requestInit` read at request time, a hook's own refresh margin, and for an
 * element's own session its mount number (such a query is gone as soon as its element is).
 */
export function sessionQueryOptions(
  endpoint: CustomerSessionEndpoint,
  components: readonly ComponentName[] | undefined,
  getRequestInit: () => RequestInit | undefined,
  refreshMarginMs?: number,
  element?: number,
) {
  const queryKey = customerSessionQueryKey(endpoint, components, element);
  // Never reads `context.signal` (see above).
  const queryFn = async (context: QueryFunctionContext<CustomerSessionQueryKey>): Promise<CustomerSessionData> => {
    const key = context.queryKey;
    const client = (context as { client?: QueryClient }).client;
    let slots = requests.get(key);
    if (!slots) requests.set(key, (slots = new Map()));
    const controller = new AbortController();
    slots.set(client, controller);
    try {
      // Every session started in one commit (the provider's, each element's) shares one request.
      // An element's session whose element is already gone (mounted and unmounted in one task) is never asked for.
      const observed = key[3] === undefined || !client ? undefined : () => !!client.getQueryCache().getAll().find((query) => query.queryKey === key)?.getObserversCount();
      for (;;) {
        const seen = drops;
        const data = await requestBatchedSession(client ?? sharedOwner, endpoint, [...key[2]], controller, getRequestInit(), observed);
        if (seen === drops) return data;
      }
    } finally {
      if (slots.get(client) === controller) slots.delete(client);
    }
  };
  // Fresh until the refresh moment stored with the session; no data, or a failed refresh, is stale.
  const staleTime = ({ state }: SessionQuery): number => (state.data ? Math.max(0, refreshMoment(state.data, refreshMarginMs) - state.dataUpdatedAt) : 0);
  // One timer at the refresh moment. None while a request runs, and none after a failed refresh:
  // the timer never retries on its own (no loops); `refresh()` and wake-ups do.
  const refetchInterval = ({ state }: SessionQuery): number | false =>
    !!state.data && state.fetchStatus === 'idle' && state.status !== 'error' && Math.min(Math.max(1, refreshMoment(state.data, refreshMarginMs) - Date.now()), 2 ** 31 - 1);
  return {
    queryKey,
    queryFn,
    staleTime,
    refetchInterval,
    // Focus, reconnect and mount refetch only when stale (TanStack's defaults; the hooks never take the app's): that is, when due.
    refetchIntervalInBackground: true,
    retry: shouldRetry,
    retryDelay: retryDelayMs,
    // An element's secret is never handed to another mount: its query goes with its element.
    gcTime: element === undefined ? 30_000 : 0,
    structuralSharing: false,
    // Never through a query persister, even an app-wide `defaultOptions.queries.persister`: these
    // options are spread over the defaults. (The data also serializes to nothing: see `readSessionData`.)
    persister: undefined,
    meta: { persist: false },
  } satisfies SessionOptions;
}

/**
 * What `customerSessionQueryOptions` returns, written with types `@tanstack/react-query` exports
 * across the whole peer range (the inferred type named `QueryKeyWithDataTag`, newer than 5.52).
 */
export type CustomerSessionQueryOptions = UseQueryOptions<CustomerSessionData, CustomerSessionError, CustomerSessionData, CustomerSessionQueryKey> & {
  queryKey: DataTag<CustomerSessionQueryKey, CustomerSessionData>;
};

/** What `customerSessionQueryOptions` takes: the same session options as the provider and the hook. */
export interface CustomerSessionQueryOptionsInput {
  /** The app's endpoint: a URL (POST JSON) or a function. */
  endpoint: CustomerSessionEndpoint;
  /** Components the page wants; sent to the endpoint. With `endpoint`, they key the session. */
  components?: ComponentName[];
  /** Headers, credentials… for the URL form (method and body stay fixed). */
  requestInit?: RequestInit;
  /** Refresh this long before expiry (default five minutes, clamped to half the lifetime). */
  refreshMarginMs?: number;
}

/**
 * The session query as TanStack Query options: the real `queryKey` and `queryFn` and the package's
 * scheduling (fresh until the refresh moment, refetched then, retried with backoff, `gcTime` 30 s,
 * no `persister`, `meta.persist: false`). `prefetchQuery`, `ensureQueryData`, `invalidateQueries` and Devtools work
 * as for any query; the data is `{ session, expiresAt, lifetimeMs, refreshAt }` (local clock, ms).
 * A session prefetched with these options is used by `CustomerSessionProvider` and
 * `useCustomerSession` with the same endpoint and components, with no second request.
 *
 * @example
 * await queryClient.prefetchQuery(customerSessionQueryOptions({ endpoint: '/api/customer-session', components: ['pricing_table'] }));
 */
export function customerSessionQueryOptions({ endpoint, components, requestInit, refreshMarginMs }: CustomerSessionQueryOptionsInput): CustomerSessionQueryOptions {
  // What `queryOptions` does (an identity at run time, tagging the key so `getQueryData(key)` is
  // typed), written out: its inferred type names types 5.52 lacks, and its key tag's error slot
  // does not exist there.
  return sessionQueryOptions(endpoint, components, () => requestInit, refreshMarginMs) as unknown as CustomerSessionQueryOptions;
}
