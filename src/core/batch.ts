import type { ComponentName } from './componentNames';
import { requestCustomerSessions, type CustomerSessionData, type CustomerSessionEndpoint } from './fetch';

/** Sessions per endpoint request: the server handler's `maxSessionsPerRequest`. */
const maxBatch = 32;

interface Waiter {
  components: ComponentName[];
  signal: AbortSignal;
  resolve(data: CustomerSessionData): void;
  reject(error: unknown): void;
}

// Waiting sessions per endpoint and requestInit, until the microtask after the first: the effects of
// one React commit run in one task, so every session they start (the provider's, each element's)
// leaves in one request.
const waiting = new Map<CustomerSessionEndpoint, Map<RequestInit | undefined, Waiter[]>>();

/**
 * One session for `components`, requested together with every other one asked for in the same
 * task with the same endpoint and `requestInit`: one endpoint request per commit. `signal` gives
 * this session up: one given up before the request leaves is never asked for, and the request is
 * aborted once every session in it has been. (The caller settles a given-up session itself:
 * TanStack Query does when it aborts.)
 */
export function requestBatchedSession(endpoint: CustomerSessionEndpoint, components: ComponentName[], signal: AbortSignal, requestInit?: RequestInit): Promise<CustomerSessionData> {
  let byInit = waiting.get(endpoint);
  if (!byInit) waiting.set(endpoint, (byInit = new Map()));
  let queue = byInit.get(requestInit);
  if (!queue) {
    byInit.set(requestInit, (queue = []));
    queueMicrotask(() => {
      byInit.delete(requestInit);
      if (!byInit.size) waiting.delete(endpoint);
      const live = queue!.filter((waiter) => !waiter.signal.aborted);
      for (let start = 0; start < live.length; start += maxBatch) send(endpoint, live.slice(start, start + maxBatch), requestInit);
    });
  }
  return new Promise((resolve, reject) => queue.push({ components, signal, resolve, reject }));
}

function send(endpoint: CustomerSessionEndpoint, waiters: Waiter[], requestInit: RequestInit | undefined): void {
  const shared = new AbortController();
  let live = waiters.length;
  for (const { signal } of waiters) signal.addEventListener('abort', () => --live || shared.abort(signal.reason));
  requestCustomerSessions(
    endpoint,
    waiters.map((waiter) => waiter.components),
    shared,
    requestInit,
  ).then(
    (sessions) => waiters.forEach((waiter, index) => waiter.resolve(sessions[index]!)),
    (error: unknown) => waiters.forEach((waiter) => waiter.reject(error)),
  );
}
