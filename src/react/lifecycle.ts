'use client';
import type { Query, QueryClient, QueryCacheNotifyEvent } from '@tanstack/react-query';
import { isSignedOutError } from '../core/errors';
import { abortSessionRequest, countDrop, customerSessionQueryKeyPrefix, isCustomerSessionQuery, type CustomerSessionQueryKey } from './query';

// What TanStack Query does not do for a session query, each in one place below:
// - abort the request in flight once its last observer has been gone for a macrotask;
// - sign-out: drop the session when only disabled observers are left, or when the endpoint answers
//   401/403 (nobody is signed in);
// - when the session is removed (a drop, or the app's `removeQueries`/`clear`/`resetQueries`), move its observers
//   to a fresh one, and tell the other tabs of the origin (BroadcastChannel), which drop theirs;
// - a page restored from the back/forward cache drops its sessions and asks again;
// - wake-ups (visibility, focus, online, pageshow): a session that became due while asleep is
//   refetched by TanStack's own focus rule (`query.onFocus()`: when stale), a paused request continues.

/** The clients holding session queries: what wake-ups, another tab's drop and a bfcache restore reach. */
const clients = new Set<QueryClient>();
const watched = new WeakSet<QueryClient>();
const pending = new WeakMap<Query, ReturnType<typeof setTimeout>>();
const wasActive = new WeakMap<Query, boolean>();
/** Queries that have held a session: a reset of one takes a customer's secret away, and its removal is a drop. */
const held = new WeakSet<Query>();
/** Elements (endpoint and component) whose refusal has dropped the page since the last sure sign-out. */
const refusedElements = new Set<string>();
/** One per page, opened with the first watched client (`null` where there is none). */
let channel: BroadcastChannel | null | undefined;
/** Set while dropping what another tab (or a bfcache restore) asked for: not announced again. */
let quiet = false;

const holds = ({ state }: Query): boolean => state.data !== undefined || state.fetchStatus !== 'idle';
// The shared session of a hook or provider, not an element's own. An element's goes when its provider's
// state says so (pending again, or no longer enabling it): never a sign-out of its own.
const isShared = ({ queryKey }: Query): boolean => queryKey.length < 4;

// Sign-out: the cached session and any request for it go; the 'removed' event below does the rest.
// `signOut` (the last enabled hook switched off or gone): a drop even with nothing held here, for a
// shared session (an element's own is never a sign-out: see `isShared`).
function drop(client: QueryClient, query: Query, signOut?: boolean): void {
  clearTimeout(pending.get(query));
  if (signOut && isShared(query)) countDrop();
  if (holds(query)) client.getQueryCache().remove(query);
}

// The endpoint as every tab of the origin names it: the URL resolved against the page, without its
// query (`?locale=fr` and `?locale=en` sign the same customer in and out). A function endpoint has no
// name across tabs (`null`): a drop on one drops the sessions of every function.
const endpointOf = ({ queryKey }: Query): string | null => {
  const id = queryKey[1] as CustomerSessionQueryKey[1];
  if (!('url' in id)) return null;
  const url = new URL(id.url, location.href);
  return url.origin + url.pathname;
};

/** Calls `visit` for every session query of `targets` (the provider's and each element's alike); forgets a client that holds none. */
function eachSession(targets: Iterable<QueryClient>, visit: (query: Query, client: QueryClient) => void): void {
  for (const client of targets) {
    const sessions = client.getQueryCache().getAll().filter(isCustomerSessionQuery);
    if (!sessions.length) clients.delete(client);
    for (const query of sessions) visit(query, client);
  }
}

/**
 * Drops every session holding one that `which` picks: a request already asking again is left alone,
 * so a burst of drops asks once (an answer to one sent before the drop is discarded: see `countDrop`).
 * `quietly`: for another tab or a bfcache restore, so not announced (no ping-pong between tabs).
 */
function dropWhere(targets: Iterable<QueryClient>, which: (query: Query) => boolean, quietly = true): void {
  countDrop();
  quiet = quietly;
  eachSession(targets, (query, client) => query.state.data !== undefined && which(query) && drop(client, query));
  quiet = false;
}

/** Drops every session of `endpoint` (as `endpointOf` names it) that `targets` hold. */
const dropEndpoint = (targets: Iterable<QueryClient>, endpoint: string | null, quietly?: boolean): void => dropWhere(targets, (query) => endpointOf(query) === endpoint, quietly);

function listenToPage(): void {
  channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(customerSessionQueryKeyPrefix) : null;
  // Another tab dropped its session for this endpoint: drop ours, and ask again.
  if (channel) channel.onmessage = ({ data }: MessageEvent<string | null>) => dropEndpoint(clients, data);
  // Timers sleep with the tab or the laptop: these are the moments to re-check. In the capture phase,
  // which also sees `visibilitychange` (fired at `document`); `focus` counts only for the window itself.
  const wake = (event: Event): void => {
    // Restored from the back/forward cache (maybe after a sign-out, for someone else): nothing
    // customer-aware is shown again before the endpoint has answered.
    if ((event as PageTransitionEvent).persisted) dropWhere(clients, () => true);
    else if (document.visibilityState !== 'hidden' && (event.type !== 'focus' || event.target === event.currentTarget)) eachSession(clients, (query) => query.onFocus());
  };
  for (const type of ['visibilitychange', 'focus', 'online', 'pageshow']) window.addEventListener(type, wake, true);
}

/** Starts watching `client`'s session queries (once per client; cheap to call on every mount). */
export function watchSessionQueries(client: QueryClient): void {
  clients.add(client);
  if (channel === undefined) listenToPage();
  if (watched.has(client)) return;
  watched.add(client);
  const cache = client.getQueryCache();
  cache.subscribe((event: QueryCacheNotifyEvent) => {
    const { type, query } = event;
    if (!isCustomerSessionQuery(query)) return;
    // (A client forgotten while it held no session, then given one by a prefetch, is reached again.)
    if (type === 'added') clients.add(client);
    if (type === 'updated' && event.action.type === 'success') held.add(query);
    // A session that held a secret now holds none. Reset (`resetQueries()`: back to its first state, never
    // updated), a sign-out: a removal in use, so the components drop what they show at once, and the other
    // tabs are told. Blanked otherwise (`hydrate()` of JSON-saved cache data, which never holds the session,
    // keeps its update time): removed quietly, so it is asked for again, for this tab only. (A cancelled
    // first request showed nothing: never held.)
    if (type === 'updated' && event.action.type === 'setState' && query.state.data === undefined && held.has(query)) {
      quiet = !!query.state.dataUpdatedAt;
      cache.remove(query);
      quiet = false;
      return;
    }
    // Nobody is signed in: every session of the endpoint goes at once, the provider's and each
    // element's, like a sign-out (not on a 5xx, 429 or network failure), and the other tabs are told.
    // An element's own session refused again (any mount of it: an element shown only while the
    // provider is ready mounts anew each time), after its first refusal already dropped the endpoint and
    // the provider's session was answered since: the endpoint contradicts itself (a 403 for one product,
    // say). The element stays a guest; dropping the page again would loop. A refused shared session (a
    // sign-out for sure) trusts elements' refusals again.
    if (type === 'updated' && event.action.type === 'error' && isSignedOutError(event.action.error)) {
      const endpoint = endpointOf(query);
      const element = isShared(query) ? '' : `${endpoint} ${String(query.queryKey[2])}`;
      if (refusedElements.has(element)) return;
      if (element) refusedElements.add(element);
      else refusedElements.clear();
      return dropEndpoint([client], endpoint, false);
    }
    if (type === 'removed') {
      // TanStack 5.52 also announces a query removed before, when its late gc runs: not ours to handle.
      if (cache.get(query.queryHash)) return;
      clearTimeout(pending.get(query));
      abortSessionRequest(client, query);
      const observers = [...query.observers];
      // Removed while in use: a drop. The other tabs drop theirs (the message names the endpoint, never a
      // secret), and so do the page's other QueryClients (a second provider), which no message reaches.
      if (!quiet && observers.length > 0 && (holds(query) || held.has(query)) && isShared(query)) {
        const endpoint = endpointOf(query);
        channel?.postMessage(endpoint);
        dropEndpoint(clients, endpoint);
      }
      // Observers of a removed query would keep its secret and never fetch again: re-point them.
      for (const observer of observers) observer.setOptions(observer.options);
      return;
    }
    if (!type.startsWith('observer') || type === 'observerResultsUpdated') return;
    const active = query.isActive();
    const before = wasActive.get(query);
    wasActive.set(query, active);
    clearTimeout(pending.get(query));
    if (active) return;
    // The last enabled hook switched off (`enabled={false}`): signed out now, not a macrotask later.
    // (Options reach the observers on every commit: only a switch from active counts.)
    if (type === 'observerOptionsUpdated' && before && query.getObserversCount() > 0) return drop(client, query, before);
    // A macrotask after the last change, so StrictMode's unmount-remount (and a page that swaps one
    // user for another in one commit) counts as no change at all: only disabled hooks left, a drop;
    // none at all, the request in flight is aborted.
    pending.set(
      query,
      setTimeout(() => {
        if (query.isActive()) return;
        if (query.getObserversCount() > 0) return drop(client, query, before);
        if (query.state.fetchStatus === 'idle') return;
        abortSessionRequest(client, query);
        void query.cancel({ revert: true });
      }),
    );
  });
}
