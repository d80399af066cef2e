'use client';
import { useState, useSyncExternalStore } from 'react';
import { notifyManager, QueryObserver, type DefaultedQueryObserverOptions, type QueryClient, type QueryObserverResult } from '@tanstack/react-query';
import type { ComponentName } from '../core/componentNames';
import type { CustomerSessionError } from '../core/errors';
import type { CustomerSessionData } from '../core/fetch';
import { watchSessionQueries } from './lifecycle';
import type { CustomerSessionQueryKey } from './query';
import { waitsLong } from '../core/retry';
import type { CustomerSessionState } from './types';

type Key = keyof CustomerSessionState;
type Result = QueryObserverResult<CustomerSessionData, CustomerSessionError>;
type SessionObserver = QueryObserver<CustomerSessionData, CustomerSessionError, CustomerSessionData, CustomerSessionData, CustomerSessionQueryKey>;
export type SessionObserverOptions = DefaultedQueryObserverOptions<CustomerSessionData, CustomerSessionError, CustomerSessionData, CustomerSessionData, CustomerSessionQueryKey>;

const nothingEnabled = (): boolean => false;
/** A `refresh()` with nothing to refresh. */
export const resolved = (): Promise<void> => Promise.resolve();

/**
 * The public state of one observer result as of `now`. The render-time expiry check, the one place it
 * is made: past the local expiry the session and its secret are withheld (`session` and `clientSecret`
 * null, status `expired`), whether or not a timer has run since (a tab that slept). No consumer can
 * hand an expired secret to Stripe.
 */
export function deriveState(
  result: Pick<Result, 'data' | 'error' | 'status' | 'fetchStatus'> & Partial<Pick<Result, 'failureReason'>>,
  refresh: () => Promise<void>,
  now = Date.now(),
): CustomerSessionState {
  const { data, failureReason } = result;
  const fetching = result.fetchStatus !== 'idle';
  const failed = result.status === 'error' && !fetching;
  const session = data && now < data.expiresAt ? data.session : null;
  return {
    status: failed ? 'error' : !data ? 'pending' : !session ? 'expired' : fetching ? 'refreshing' : 'ready',
    session,
    clientSecret: session?.client_secret ?? null,
    expiresAt: data ? new Date(data.expiresAt) : null,
    // A first session waiting out a long `Retry-After` is still pending, and says why.
    error: failed ? result.error : !data && fetching && waitsLong(failureReason) ? failureReason! : null,
    isEnabled: session ? (name: ComponentName) => session.components[name]?.enabled === true : nothingEnabled,
    refresh,
  };
}

/** What a hook that is not enabled gets (and everyone before the first session): no session, `refresh()` does nothing. */
export const disabledState: CustomerSessionState = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ deriveState({ data: undefined, error: null, status: 'pending', fetchStatus: 'idle' }, resolved),
);

/** The source every reader of one session subscribes to: a hook's own, or a provider's for its consumers. */
export interface SessionStore {
  subscribe(listener: () => void): () => void;
  getState(): CustomerSessionState;
  /** The query the observer is on now (the provider counts drops from it). */
  query(): { queryHash: string };
  /** The options of the owner's current render: readers see the session for its key at once. */
  render(options: SessionObserverOptions): void;
  /** Applies them to the observer (after commit, like `useBaseQuery`). */
  commit(options: SessionObserverOptions): void;
}

const noop = (): void => {};

/**
 * One store per observer: derives the state once per change for all its readers and re-renders
 * them once at the local expiry (one timer).
 */
export function createSessionStore(client: QueryClient, initial: SessionObserverOptions): SessionStore {
  const observer = new QueryObserver(client, initial) as unknown as SessionObserver;
  const query = () => observer.getCurrentQuery();
  // Joins a request in flight (never rejects); a no-op while no hook on the session is enabled (a
  // `refresh()` kept from before sign-out). The shared session's refresh renews the elements' own
  // sessions on its endpoint too (`customer_session_expired`: refresh, then confirm again), all in
  // one request; an element's renews its own.
  const refresh = (): Promise<void> => {
    const own = query();
    const [prefix, endpoint, , element] = own.queryKey;
    return client.refetchQueries(
      { queryKey: [prefix, endpoint], type: 'active', predicate: (other) => other.queryHash === own.queryHash || (element === undefined && other.queryKey.length > 3) },
      { cancelRefetch: false },
    );
  };
  let last: [Result, CustomerSessionState, boolean] | undefined;
  let rendered = initial;

  const getState = (): CustomerSessionState => {
    // A new key renders its own session at once, before the observer moves to it after commit.
    const result = rendered.queryHash === query().queryHash ? observer.getCurrentResult() : observer.getOptimisticResult(rendered);
    const now = Date.now();
    const expired = now >= (result.data?.expiresAt ?? Infinity);
    if (last?.[0] !== result || last[2] !== expired) {
      const next = deriveState(result, refresh, now);
      const previous = last?.[1];
      // One session object per data (and so per expiry).
      const same = previous?.status === next.status && previous.session === next.session && previous.error === next.error;
      last = [result, same ? previous : next, expired];
    }
    return last[1];
  };
  // Every reader is re-rendered on each change, and once more at the local expiry (one timer).
  const listeners = new Set<() => void>();
  let release: () => void;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const emit = (): void => {
    clearTimeout(timer);
    const delay = (getState().expiresAt?.getTime() ?? 0) - Date.now();
    if (delay > 0) timer = setTimeout(emit, Math.min(delay, 2 ** 31 - 1));
    for (const listener of [...listeners]) listener();
  };
  return {
    subscribe(listener) {
      // The first reader subscribes the observer (and arms the timer; nobody to tell yet), the last one releases it.
      if (!listeners.size) {
        watchSessionQueries(client);
        release = observer.subscribe(notifyManager.batchCalls(emit));
        emit();
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size) return;
        clearTimeout(timer);
        release();
      };
    },
    getState,
    query,
    render: (options) => {
      rendered = options;
    },
    commit: (options) => {
      rendered = options;
      observer.setOptions(options);
    },
  };
}

/**
 * Reads a store like TanStack's tracked results: the state object handed out records which fields
 * its reader touched, and the reader re-renders only when one of those changes (every change while
 * it has touched none). A consumer that reads only `clientSecret` renders once per rotation.
 */
export function useTrackedState(store: SessionStore | null, serverState: CustomerSessionState, off = false): CustomerSessionState {
  const [view] = useState(createTracker);
  return useSyncExternalStore(
    store ? store.subscribe : subscribeNothing,
    // A disabled reader gets nothing, but stays subscribed: it counts for sign-out.
    () => (off ? disabledState : view(store ? store.getState() : serverState)),
    () => (off ? disabledState : serverState),
  );
}

/** One reader's view of the state: the last state it was handed, and the fields it read of it. */
function createTracker(): (state: CustomerSessionState) => CustomerSessionState {
  const tracked = new Set<Key>();
  let shown: CustomerSessionState | undefined;
  let view: CustomerSessionState;
  return (state) => {
    if (!shown || (shown !== state && (!tracked.size || [...tracked].some((key) => shown![key] !== state[key])))) {
      shown = state;
      view = new Proxy(state, {
        get(target, key) {
          tracked.add(key as Key);
          return target[key as Key];
        },
      });
    }
    return view;
  };
}

/** A `useSyncExternalStore` subscription to nothing (no store yet, or a value that never changes). */
export const subscribeNothing = () => noop;
