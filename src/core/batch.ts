import type { ComponentName } from './componentNames';
import { asCustomerSessionError } from './errors';
import { requestCustomerSessions, type CustomerSessionData, type CustomerSessionEndpoint } from './fetch';

/** Sessions per endpoint request: the server handler's `maxSessionsPerRequest`. */
const maxBatch = 32;

interface Waiter {
  components: ComponentName[];
  controller: AbortController;
  /** False once nobody would render the session (an element unmounted in the task that mounted it). */
  wanted?: () => boolean;
  resolve(data: CustomerSessionData): void;
  reject(error: unknown): void;
}

// Waiting requests per owner (a QueryClient), endpoint and requestInit, until the microtask after
// the first: the effects of one React commit run in one task, so every session they start (the
// provider's, each element's) leaves in one request.
const waiting = new WeakMap<object, Map<unknown, Map<unknown, Waiter[]>>>();

/**
 * One session for `components`, requested together with every other one asked for in the same
 * task on the same owner, endpoint and `requestInit`: one endpoint request per commit. `controller`
 * aborts this session alone; the request is aborted once every session in it has been. A session
 * no longer `wanted` when the request leaves is aborted, never asked for.
 */
export function requestBatchedSession(
  owner: object,
  endpoint: CustomerSessionEndpoint,
  components: ComponentName[],
  controller: AbortController,
  requestInit?: RequestInit,
  wanted?: () => boolean,
): Promise<CustomerSessionData> {
  let byEndpoint = waiting.get(owner);
  if (!byEndpoint) waiting.set(owner, (byEndpoint = new Map()));
  let byInit = byEndpoint.get(endpoint);
  if (!byInit) byEndpoint.set(endpoint, (byInit = new Map()));
  let queue = byInit.get(requestInit);
  if (!queue) {
    byInit.set(requestInit, (queue = []));
    queueMicrotask(() => {
      byInit.delete(requestInit);
      for (let start = 0; start < queue!.length; start += maxBatch) send(endpoint, queue!.slice(start, start + maxBatch), requestInit);
    });
  }
  return new Promise((resolve, reject) => queue.push({ components, controller, wanted, resolve, reject }));
}

function send(endpoint: CustomerSessionEndpoint, all: Waiter[], requestInit: RequestInit | undefined): void {
  // Sessions given up on before the request left are never asked for.
  const waiters = all.filter((waiter) => {
    if (waiter.wanted?.() === false) waiter.controller.abort();
    const { signal } = waiter.controller;
    if (signal.aborted) waiter.reject(asCustomerSessionError(undefined, signal));
    return !signal.aborted;
  });
  if (waiters.length === 0) return;
  const shared = new AbortController();
  let live = waiters.length;
  for (const { controller } of waiters) {
    controller.signal.addEventListener('abort', () => {
      if (--live === 0) shared.abort(controller.signal.reason);
    });
  }
  requestCustomerSessions(
    endpoint,
    waiters.map((waiter) => waiter.components),
    shared,
    requestInit,
  ).then(
    (sessions) => waiters.forEach((waiter, index) => waiter.resolve(sessions[index]!)),
    (error: unknown) => waiters.forEach((waiter) => waiter.reject(waiter.controller.signal.aborted ? asCustomerSessionError(error, waiter.controller.signal) : error)),
  );
}
