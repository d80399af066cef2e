'use client';
import { useState, useSyncExternalStore } from 'react';
import { notifyManager, QueryObserver, type DefaultedQueryObserverOptions, type QueryClient, type QueryObserverResult } from '@tanstack/react-query';
import type { ComponentName } from '../core/componentNames';
import type { CustomerSessionError } from '../core/errors';
import type { CustomerSessionData } from '../core/fetch';
import { subscribeToWakeUps, watchSessionQueries } from './lifecycle';
import type { CustomerSessionQueryKey } from './query';
import type { CustomerSessionState, CustomerSessionStatus } from './types';

type Result = QueryObserverResult<CustomerSessionData, CustomerSessionError>;
type SessionObserver = QueryObserver<CustomerSessionData, CustomerSessionError, CustomerSessionData, CustomerSessionData, CustomerSessionQueryKey>;
export type SessionObserverOptions = DefaultedQueryObserverOptions<CustomerSessionData, CustomerSessionError, CustomerSessionData, CustomerSessionData, CustomerSessionQueryKey>;

const nothingEnabled = (): boolean => false;
const resolved = (): Promise<void> => Promise.resolve();

/** The public state of one observer result (before the expiry check every read makes, see `asOf`). */
export function deriveState(result: Pick<Result, 'data' | 'error' | 'status' | 'fetchStatus'>, refresh: () => Promise<void>): CustomerSessionState {
  const data = result.data;
  const fetching = result.fetchStatus !== 'idle';
  const error = result.status === 'error' && !fetching ? result.error : null;
  let status: CustomerSessionStatus;
  if (error !== null) status = 'error';
  else if (data === undefined) status = 'pending';
  else status = fetching ? 'refreshing' : 'ready';
  const components = data?.session.components;
  return {
    status,
    session: data?.session ?? null,
    clientSecret: data?.session.client_secret ?? null,
    expiresAt: data === undefined ? null : new Date(data.expiresAt),
    error,
    isEnabled: components ? (name: ComponentName) => components[name]?.enabled === true : nothingEnabled,
    refresh,
  };
}

/** What a hook that is not enabled gets (and everyone before the first session): no session, `refresh()` does nothing. */
export const disabledState: CustomerSessionState = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ deriveState({ data: undefined, error: null, status: 'pending', fetchStatus: 'idle' }, resolved),
);

const withheld = new WeakMap<CustomerSessionState, CustomerSessionState>();

/**
 * The render-time expiry check, the one place it is made: past the local expiry the session and
 * its secret are withheld (`session` and `clientSecret` null), whether or not a timer has run
 * since (a tab that slept). No consumer can hand an expired secret to Stripe. Cached per state.
 */
export function asOf(state: CustomerSessionState, now: number): CustomerSessionState {
  if (state.clientSecret === null || state.expiresAt === null || now < state.expiresAt.getTime()) return state;
  let copy = withheld.get(state);
  if (copy === undefined) {
    copy = { ...state, status: state.status === 'error' ? 'error' : 'expired', session: null, clientSecret: null, isEnabled: nothingEnabled };
    withheld.set(state, copy);
  }
  return copy;
}

/** The source every reader of one session subscribes to: a hook's own, or a provider's for its consumers. */
export interface SessionStore {
  subscribe(listener: () => void): () => void;
  getState(): CustomerSessionState;
  /** How often the session was dropped under the same key (the app removed it, or sign-out). */
  getDrops(): number;
  /** The options of the owner's current render: readers see the session for its key at once. */
  render(options: SessionObserverOptions): void;
  /** Applies them to the observer (after commit, like `useBaseQuery`). */
  commit(options: SessionObserverOptions): void;
}

const noop = (): void => {};

/**
 * One store per observer: derives the state once per change for all its readers, re-renders them
 * once at the local expiry (one timer), and counts drops: the observer moved to a new query under
 * the same key, which only happens when the old one was removed while in use.
 */
export function createSessionStore(client: QueryClient, initial: SessionObserverOptions): SessionStore {
  const observer = new QueryObserver(client, initial) as unknown as SessionObserver;
  // Joins a request in flight; a no-op while no hook on the session is enabled (a `refresh()` kept from before sign-out).
  const refresh = (): Promise<void> =>
    observer.getCurrentQuery().isActive() ? observer.refetch({ cancelRefetch: false }).then(noop, noop) : Promise.resolve();
  const listeners = new Set<() => void>();
  let release = noop;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  let last: { result: Result; state: CustomerSessionState } | undefined;
  let query: { queryHash: string } | undefined;
  let drops = 0;
  let rendered = initial;

  const sync = (): void => {
    const current: { queryHash: string } = observer.getCurrentQuery();
    if (query !== undefined && current !== query && current.queryHash === query.queryHash) drops += 1;
    query = current;
  };
  const getState = (): CustomerSessionState => {
    sync();
    // A new key renders its own session at once, before the observer moves to it after commit.
    const result = rendered.queryHash === query?.queryHash ? observer.getCurrentResult() : observer.getOptimisticResult(rendered);
    if (last?.result === result) return last.state;
    const next = deriveState(result, refresh);
    const previous = last?.state;
    const same =
      previous !== undefined &&
      previous.status === next.status &&
      previous.session === next.session &&
      previous.error === next.error &&
      previous.expiresAt?.getTime() === next.expiresAt?.getTime();
    last = { result, state: same ? previous : next };
    return last.state;
  };
  // The one timer that re-renders readers at the local expiry.
  const arm = (): void => {
    clearTimeout(expiryTimer);
    const expiresAt = getState().expiresAt?.getTime() ?? 0;
    const delay = expiresAt - Date.now();
    if (delay <= 0 || listeners.size === 0) return;
    expiryTimer = setTimeout(emit, Math.min(delay, 2 ** 31 - 1));
  };
  const emit = (): void => {
    arm();
    for (const listener of [...listeners]) listener();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        watchSessionQueries(client);
        const unwake = subscribeToWakeUps(() => observer.getCurrentQuery().onFocus());
        const unsubscribe = observer.subscribe(notifyManager.batchCalls(emit));
        release = () => {
          unsubscribe();
          unwake();
        };
        arm();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        clearTimeout(expiryTimer);
        release();
      };
    },
    getState,
    getDrops: () => {
      sync();
      return drops;
    },
    render: (options) => {
      rendered = options;
    },
    commit: (options) => {
      rendered = options;
      observer.setOptions(options);
    },
  };
}

type Key = keyof CustomerSessionState;

/**
 * Reads a store like TanStack's tracked results: the state object handed out records which fields
 * its reader touched, and the reader re-renders only when one of those changes (every change while
 * it has touched none). A consumer that reads only `clientSecret` renders once per rotation.
 */
export function useTrackedState(store: SessionStore | null, serverState: CustomerSessionState, off = false): CustomerSessionState {
  const [tracker] = useState(createTracker);
  const getSnapshot = (): CustomerSessionState =>
    // A disabled reader gets nothing, but stays subscribed: it counts for sign-out.
    off ? disabledState : tracker.view(asOf(store === null ? serverState : store.getState(), Date.now()));
  return useSyncExternalStore(store ? store.subscribe : noSubscribe, getSnapshot, () => (off ? disabledState : serverState));
}

/** One reader's view of the state: the fields it read, and the last state it was handed. */
function createTracker(): { view(state: CustomerSessionState): CustomerSessionState } {
  const tracked = new Set<PropertyKey>();
  let shown: { state: CustomerSessionState; view: CustomerSessionState } | undefined;
  return {
    view(state) {
      if (shown && (shown.state === state || (tracked.size > 0 && [...tracked].every((key) => shown!.state[key as Key] === state[key as Key])))) {
        return shown.view;
      }
      const view = new Proxy(state, {
        get(target, key) {
          tracked.add(key);
          return target[key as Key];
        },
      });
      shown = { state, view };
      return view;
    },
  };
}

const noSubscribe = () => (): void => {};
