'use client';
import type { Query, QueryCacheNotifyEvent, QueryClient } from '@tanstack/react-query';
import { abortSessionRequest, isCustomerSessionQuery } from './query';

// What TanStack Query does not do for a session query, each in one place below:
// - abort the request in flight once its last observer has been gone for a macrotask;
// - sign-out: drop the session when only disabled observers are left;
// - when the app removes the query (`removeQueries`, `clear`), move its observers to a fresh one;
// - wake-ups (visibility, focus, online, pageshow): a session that became due while asleep is
//   refetched by TanStack's own focus rule (`query.onFocus()`: when stale), a paused request continues.

const watched = new WeakSet<QueryClient>();
const pending = new WeakMap<Query, ReturnType<typeof setTimeout>>();
const wasActive = new WeakMap<Query, boolean>();

/** Starts watching `client`'s session queries (once per client; cheap to call on every mount). */
export function watchSessionQueries(client: QueryClient): void {
  if (watched.has(client)) return;
  watched.add(client);
  const cache = client.getQueryCache();
  // Sign-out: the cached session and any request for it go; the 'removed' event below does the rest.
  const drop = (query: Query): void => {
    clearTimeout(pending.get(query));
    if (query.state.data !== undefined || query.state.fetchStatus !== 'idle') cache.remove(query);
  };
  // A macrotask after the last change, so StrictMode's unmount-remount (and a page that swaps one
  // user for another in one commit) counts as no change at all.
  const settle = (query: Query): void => {
    if (query.isActive()) return;
    if (query.getObserversCount() > 0) return drop(query);
    if (query.state.fetchStatus === 'idle') return;
    abortSessionRequest(client, query);
    void query.cancel({ revert: true });
  };
  cache.subscribe(({ type, query }: QueryCacheNotifyEvent) => {
    if (!isCustomerSessionQuery(query)) return;
    if (type === 'removed') {
      clearTimeout(pending.get(query));
      abortSessionRequest(client, query);
      // Observers of a removed query would keep its secret and never fetch again: re-point them.
      for (const observer of [...query.observers]) observer.setOptions(observer.options);
      return;
    }
    if (!/^observer(Added|Removed|OptionsUpdated)$/.test(type)) return;
    const active = query.isActive();
    const before = wasActive.get(query);
    wasActive.set(query, active);
    clearTimeout(pending.get(query));
    if (active) return;
    // The last enabled hook switched off (`enabled={false}`): signed out now, not a macrotask later.
    if (type === 'observerOptionsUpdated' && before && query.getObserversCount() > 0) return drop(query);
    pending.set(query, setTimeout(() => settle(query)));
  });
}

const wakeEvents = ['visibilitychange', 'focus', 'online', 'pageshow'];

/**
 * Calls `onWake` when the page may have slept: it became visible, got focus, came back online, or
 * was restored from the back/forward cache (`pageshow`). Timers sleep with the tab or the laptop;
 * these are the moments to re-check. Listens on `window` in the capture phase, which also sees
 * `visibilitychange` (fired at `document`), and ignores elements' own `focus`. Returns the unsubscribe function.
 */
export function subscribeToWakeUps(onWake: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const wake = (event: Event): void => {
    // `focus` in the capture phase is every element's too: only the window's own counts.
    if (document.visibilityState !== 'hidden' && (event.type !== 'focus' || event.target === event.currentTarget)) onWake();
  };
  for (const type of wakeEvents) window.addEventListener(type, wake, true);
  return () => {
    for (const type of wakeEvents) window.removeEventListener(type, wake, true);
  };
}
