'use client';
import { QueryObserver, type QueryClient, type QueryObserverOptions, type QueryObserverResult } from '@tanstack/react-query';
import type { ComponentName } from '../core/componentNames';
import type { CustomerSessionError } from '../core/CustomerSessionError';
import { expirySchedule } from '../core/expirySchedule';
import type { CustomerSessionData } from './CustomerSessionData';
import { customerSessionQueryKey, type CustomerSessionQueryKey } from './customerSessionQueryKey';
import { customerSessionQueryOptions } from './customerSessionQueryOptions';
import { deriveCustomerSessionState } from './deriveCustomerSessionState';
import { fetchCustomerSessionData } from './fetchCustomerSessionData';
import { sameCustomerSessionState } from './sameCustomerSessionState';
import { subscribeToWakeEvents } from './subscribeToWakeEvents';
import type { CustomerSessionEndpoint, CustomerSessionState } from './types';

/** One hook's wishes for the shared session. */
export interface CustomerSessionRegistration {
  enabled: boolean;
  refreshMarginMs: number | undefined;
}

type Result = QueryObserverResult<CustomerSessionData, CustomerSessionError>;
type Options = QueryObserverOptions<CustomerSessionData, CustomerSessionError, CustomerSessionData, CustomerSessionData, CustomerSessionQueryKey>;

const maxTimeoutMs = 2 ** 31 - 1;
const noop = (): void => {};

/**
 * The one place a session query is watched, per QueryClient and query key, however many hooks
 * read it: one TanStack observer, one timer, one set of wake listeners. Hooks register while
 * mounted; when the last one has been gone for a macrotask (so StrictMode's unmount-remount does
 * not count), the in-flight request is aborted and everything is released.
 */
export class CustomerSessionEntry {
  readonly queryKey: CustomerSessionQueryKey;
  readonly serverSnapshot: CustomerSessionState;
  private readonly observer: QueryObserver<CustomerSessionData, CustomerSessionError, CustomerSessionData, CustomerSessionData, CustomerSessionQueryKey>;
  private readonly registrations = new Set<CustomerSessionRegistration>();
  private readonly listeners = new Set<() => void>();
  private requestInit: RequestInit | undefined;
  private snapshot: CustomerSessionState;
  private active = false;
  private stop: (() => void) | undefined;
  private releaseTimer: ReturnType<typeof setTimeout> | undefined;
  private tickTimer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;

  constructor(
    private readonly client: QueryClient,
    private readonly endpoint: CustomerSessionEndpoint,
    components: readonly ComponentName[],
  ) {
    this.queryKey = customerSessionQueryKey(endpoint, components);
    this.observer = new QueryObserver(client, this.queryOptions(false));
    this.serverSnapshot = deriveCustomerSessionState({ data: undefined, expiresAtLocal: undefined, error: null, fetching: false, expired: false, refresh: this.refresh });
    this.snapshot = this.serverSnapshot;
  }

  get isActive(): boolean {
    return this.active;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CustomerSessionState => {
    if (!this.active) this.recompute(this.observer.getOptimisticResult(this.client.defaultQueryOptions(this.queryOptions(false))));
    return this.snapshot;
  };

  /** Fetches a new session now (joining one already in flight). Never rejects. */
  readonly refresh = (): Promise<void> => this.observer.refetch({ cancelRefetch: false }).then(noop, noop);

  /** A registration for one hook; count it in with `register`. */
  createRegistration(): CustomerSessionRegistration {
    return { enabled: true, refreshMarginMs: undefined };
  }

  /** Updates a registration's wishes. The latest `requestInit` given by any hook is used for the next request. */
  configure(registration: CustomerSessionRegistration, wishes: CustomerSessionRegistration & { requestInit: RequestInit | undefined }): void {
    if (wishes.requestInit !== undefined) this.requestInit = wishes.requestInit;
    if (registration.enabled === wishes.enabled && registration.refreshMarginMs === wishes.refreshMarginMs) return;
    registration.enabled = wishes.enabled;
    registration.refreshMarginMs = wishes.refreshMarginMs;
    if (this.active && this.registrations.has(registration)) this.reconfigure();
  }

  /** Counts a mounted hook in; returns the function that counts it out. */
  register(registration: CustomerSessionRegistration): () => void {
    this.registrations.add(registration);
    clearTimeout(this.releaseTimer);
    this.releaseTimer = undefined;
    if (this.active) this.reconfigure();
    else this.activate();
    return () => {
      if (!this.registrations.delete(registration)) return;
      if (this.registrations.size > 0) this.reconfigure();
      else this.releaseTimer = setTimeout(this.release, 0);
    };
  }

  /** The query was removed from the cache while in use: watch a fresh one. */
  restart(): void {
    this.controller?.abort();
    this.reconfigure();
  }

  private reconfigure(): void {
    this.observer.setOptions(this.queryOptions(this.enabled()));
    this.tick(false);
  }

  private activate(): void {
    this.active = true;
    this.observer.setOptions(this.queryOptions(this.enabled()));
    const unsubscribe = this.observer.subscribe(() => this.tick(false));
    const unwake = subscribeToWakeEvents(() => this.tick(true));
    this.stop = () => {
      unsubscribe();
      unwake();
    };
    this.tick(false);
  }

  private readonly release = (): void => {
    this.releaseTimer = undefined;
    if (this.registrations.size > 0 || !this.active) return;
    this.active = false;
    this.stop?.();
    clearTimeout(this.tickTimer);
    if (this.observer.getCurrentResult().fetchStatus !== 'idle') {
      this.controller?.abort();
      void this.client.cancelQueries({ queryKey: this.queryKey, exact: true });
    }
  };

  /** Re-derives state, refreshes when due, and arms the single timer for the next due moment. */
  private tick(woken: boolean): void {
    clearTimeout(this.tickTimer);
    this.tickTimer = undefined;
    if (!this.active) return;
    const result = this.observer.getCurrentResult();
    const changed = this.recompute(result);
    const now = Date.now();
    const schedule = result.data && expirySchedule(result.data.session, result.data.clockOffsetMs, this.marginMs());
    const canRefresh = this.enabled() && result.fetchStatus === 'idle';
    // After a failed refresh the timer does not retry on its own (no loops); waking up does.
    const autoRefresh = woken || (schedule !== undefined && result.status !== 'error');
    if (canRefresh && autoRefresh && (schedule === undefined || now >= schedule.refreshAtLocal)) void this.refresh();
    const moments = schedule ? [schedule.expiresAtLocal, ...(autoRefresh ? [schedule.refreshAtLocal] : [])] : [];
    const next = Math.min(...moments.filter((t) => t > now));
    if (Number.isFinite(next)) this.tickTimer = setTimeout(() => this.tick(false), Math.min(next - now, maxTimeoutMs));
    if (changed) for (const listener of [...this.listeners]) listener();
  }

  private recompute(result: Result): boolean {
    const data = result.data;
    const expiresAtLocal = data && expirySchedule(data.session, data.clockOffsetMs).expiresAtLocal;
    const next = deriveCustomerSessionState({
      data,
      expiresAtLocal,
      error: result.status === 'error' ? result.error : null,
      fetching: result.fetchStatus !== 'idle',
      expired: expiresAtLocal !== undefined && Date.now() >= expiresAtLocal,
      refresh: this.refresh,
    });
    if (sameCustomerSessionState(next, this.snapshot)) return false;
    this.snapshot = next;
    return true;
  }

  private enabled(): boolean {
    for (const registration of this.registrations) if (registration.enabled) return true;
    return false;
  }

  private marginMs(): number | undefined {
    let margin: number | undefined;
    for (const { refreshMarginMs: m } of this.registrations) if (m !== undefined && (margin === undefined || m > margin)) margin = m;
    return margin;
  }

  private queryOptions(enabled: boolean): Options {
    return { ...customerSessionQueryOptions, queryKey: this.queryKey, queryFn: this.fetchSession, enabled };
  }

  // TanStack's own `signal` is deliberately not read: reading it makes TanStack cancel the request
  // the moment the last observer leaves, StrictMode's remount included. `release` aborts instead.
  private readonly fetchSession = async (): Promise<CustomerSessionData> => {
    const controller = new AbortController();
    this.controller = controller;
    try {
      return await fetchCustomerSessionData(this.endpoint, [...this.queryKey[2]], controller.signal, this.requestInit);
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
  };
}
