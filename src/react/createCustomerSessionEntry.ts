'use client';
import { QueryObserver, type QueryClient, type QueryObserverOptions, type QueryObserverResult } from '@tanstack/react-query';
import type { ComponentName } from '../core/componentNames';
import type { CustomerSessionError } from '../core/CustomerSessionError';
import type { CustomerSessionData } from './CustomerSessionData';
import { customerSessionQueryKey, type CustomerSessionQueryKey } from './customerSessionQueryKey';
import { customerSessionQueryOptions } from './customerSessionQueryOptions';
import { customerSessionSchedule } from './customerSessionSchedule';
import { deriveCustomerSessionState } from './deriveCustomerSessionState';
import { fetchCustomerSessionData } from './fetchCustomerSessionData';
import { sameCustomerSessionState } from './sameCustomerSessionState';
import { subscribeToWakeEvents } from './subscribeToWakeEvents';
import type { CustomerSessionEntry, CustomerSessionRegistration } from './CustomerSessionEntry';
import type { CustomerSessionEndpoint } from './types';

type Options = QueryObserverOptions<CustomerSessionData, CustomerSessionError, CustomerSessionData, CustomerSessionData, CustomerSessionQueryKey>;
type Result = QueryObserverResult<CustomerSessionData, CustomerSessionError>;

const noop = (): void => {};
const resolved = (): Promise<void> => Promise.resolve();
const empty = { data: undefined, expiresAtLocal: undefined, error: null, fetching: false, expired: false } as const;

/**
 * The one place a session query is watched, per QueryClient and query key, however many hooks
 * read it: one TanStack observer, one timer, one set of wake listeners. Hooks register while
 * mounted; when the last one has been gone for a macrotask (so StrictMode's unmount-remount does
 * not count), the in-flight request is aborted and everything is released.
 */
export function createCustomerSessionEntry(
  client: QueryClient,
  endpoint: CustomerSessionEndpoint,
  components: readonly ComponentName[],
): CustomerSessionEntry {
  const queryKey = customerSessionQueryKey(endpoint, components);
  const registrations = new Set<CustomerSessionRegistration>();
  const listeners = new Set<() => void>();
  let requestInit: RequestInit | undefined;
  let active = false;
  let stop = noop;
  let releaseTimer: ReturnType<typeof setTimeout> | undefined;
  let dropTimer: ReturnType<typeof setTimeout> | undefined;
  let tickTimer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  // TanStack's own `signal` is deliberately not read: reading it makes TanStack cancel the request
  // the moment the last observer leaves, StrictMode's remount included. `release` aborts instead.
  const queryFn = async (): Promise<CustomerSessionData> => {
    const own = (controller = new AbortController());
    try {
      return await fetchCustomerSessionData(endpoint, [...queryKey[2]], own.signal, requestInit);
    } finally {
      if (controller === own) controller = undefined;
    }
  };
  const enabled = (): boolean => [...registrations].some((r) => r.enabled);
  const options = (on: boolean): Options => ({ ...customerSessionQueryOptions, queryKey, queryFn, enabled: on });
  // Built on first client-side use: during server rendering it would put a query with a gc timer
  // in the request's QueryClient, and nothing on the server needs it.
  let built: QueryObserver<CustomerSessionData, CustomerSessionError, CustomerSessionData, CustomerSessionData, CustomerSessionQueryKey> | undefined;
  const observer = () => (built ??= new QueryObserver(client, options(false)));
  // A no-op while no hook is enabled: a `refresh` kept from before sign-out must fetch nothing.
  const refresh = (): Promise<void> => (enabled() ? observer().refetch({ cancelRefetch: false }).then(noop, noop) : resolved());
  const serverSnapshot = deriveCustomerSessionState({ ...empty, refresh });
  const disabledSnapshot = deriveCustomerSessionState({ ...empty, refresh: resolved });
  let snapshot = serverSnapshot;

  const recompute = (result: Result): boolean => {
    const data = result.data;
    const expiresAtLocal = data && customerSessionSchedule(data).expiresAtLocal;
    const next = deriveCustomerSessionState({
      data,
      expiresAtLocal,
      error: result.status === 'error' ? result.error : null,
      fetching: result.fetchStatus !== 'idle',
      expired: expiresAtLocal !== undefined && Date.now() >= expiresAtLocal,
      refresh,
    });
    if (sameCustomerSessionState(next, snapshot)) return false;
    snapshot = next;
    return true;
  };

  // Re-derives state, refreshes when due, and arms the single timer for the next due moment.
  const tick = (woken: boolean): void => {
    clearTimeout(tickTimer);
    if (!active) return;
    const result = observer().getCurrentResult();
    const changed = recompute(result);
    const now = Date.now();
    const margins = [...registrations].flatMap((r) => (r.refreshMarginMs === undefined ? [] : [r.refreshMarginMs]));
    const schedule = result.data && customerSessionSchedule(result.data, margins.length ? Math.max(...margins) : undefined);
    // After a failed refresh the timer does not retry on its own (no loops); waking up does.
    const auto = woken || (schedule !== undefined && result.status !== 'error');
    if (enabled() && result.fetchStatus === 'idle' && auto && (!schedule || now >= schedule.refreshAtLocal)) void refresh();
    const next = Math.min(...(schedule ? [schedule.expiresAtLocal, auto ? schedule.refreshAtLocal : Infinity] : []).filter((t) => t > now));
    if (next < Infinity) tickTimer = setTimeout(tick, Math.min(next - now, 2 ** 31 - 1), false);
    if (changed) [...listeners].forEach((listener) => listener());
  };

  const reconfigure = (): void => {
    observer().setOptions(options(enabled()));
    tick(false);
  };

  // Sign-out: no hook wants the session any more, so the cached one goes now. The cache's 'removed'
  // event restarts this entry (see getCustomerSessionEntry): the request in flight is aborted and a
  // fresh, empty query watched.
  const drop = (): void => {
    clearTimeout(dropTimer);
    if (!active || enabled()) return;
    client.removeQueries({ queryKey, exact: true });
  };
  // Deferred a macrotask, so StrictMode's unmount-remount of the last enabled hook drops nothing.
  const dropSoon = (): void => {
    clearTimeout(dropTimer);
    dropTimer = setTimeout(drop, 0);
  };

  const release = (): void => {
    if (registrations.size > 0 || !active) return;
    active = false;
    stop();
    clearTimeout(tickTimer);
    if (observer().getCurrentResult().fetchStatus !== 'idle') {
      controller?.abort();
      void client.cancelQueries({ queryKey, exact: true });
    }
  };

  return {
    isActive: () => active,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => {
      if (!active) recompute(observer().getOptimisticResult(client.defaultQueryOptions(options(false))));
      else if (snapshot.clientSecret !== null && Date.now() >= (snapshot.expiresAt?.getTime() ?? Infinity) && recompute(observer().getCurrentResult())) {
        // Expiry passed while its timer could not run (a sleeping tab): withhold the secret now, tell the rest next.
        queueMicrotask(() => {
          tick(false);
          [...listeners].forEach((listener) => listener());
        });
      }
      return snapshot;
    },
    serverSnapshot,
    getDisabledSnapshot: () => disabledSnapshot,
    createRegistration: () => ({ enabled: true, refreshMarginMs: undefined }),
    refresh,
    configure: (registration, wishes, init) => {
      if (init !== undefined) requestInit = init;
      if (registration.enabled === wishes.enabled && registration.refreshMarginMs === wishes.refreshMarginMs) return;
      const wasEnabled = enabled();
      Object.assign(registration, wishes);
      if (!active || !registrations.has(registration)) return;
      if (wasEnabled && !enabled()) return drop();
      if (enabled()) clearTimeout(dropTimer);
      reconfigure();
    },
    register: (registration) => {
      registrations.add(registration);
      clearTimeout(releaseTimer);
      clearTimeout(dropTimer);
      if (active) {
        reconfigure();
      } else {
        active = true;
        observer().setOptions(options(enabled()));
        const unsubscribe = observer().subscribe(() => tick(false));
        const unwake = subscribeToWakeEvents(() => tick(true));
        stop = () => {
          unsubscribe();
          unwake();
        };
        tick(false);
      }
      // Mounting with none enabled counts as signed out: a session cached before (say, by a provider
      // that left within gcTime) goes, or this observer would keep it past gcTime for a later `enabled`.
      if (!enabled()) dropSoon();
      return () => {
        if (!registrations.delete(registration)) return;
        if (registrations.size === 0) {
          releaseTimer = setTimeout(release, 0);
          return;
        }
        reconfigure();
        if (registration.enabled && !enabled()) dropSoon();
      };
    },
    restart: () => {
      controller?.abort();
      reconfigure();
    },
  };
}
