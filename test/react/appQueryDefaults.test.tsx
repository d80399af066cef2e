import { act } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { keepPreviousData, onlineManager, QueryClient, type QueryClientConfig } from '@tanstack/react-query';
import { customerSessionQueryOptions, PricingTable } from '../../src/index';
import { setupMswServer } from '../helpers/mswServer';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { providerTree, renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

// The session's options are spread over the app's `defaultOptions.queries`: whatever an app sets
// there for its own queries must not change what the session hands out or how often it asks.

const server = setupMswServer();
const clock = installFakeClock();
const minute = 60_000;

type AppQueryDefaults = NonNullable<NonNullable<QueryClientConfig['defaultOptions']>['queries']>;

function openWithAppDefaults(queries: AppQueryDefaults) {
  const endpoint = createSessionEndpoint();
  server.use(endpoint.handler);
  const recorder = createSessionRecorder();
  const appQueryClient = new QueryClient({ defaultOptions: { queries } });
  const view = renderWithProvider(<recorder.ContextProbe />, { components: ['payment_element'], appQueryClient });
  return { endpoint, recorder, view, appQueryClient, ready: () => recorder.latest().status === 'ready' };
}

describe('placeholderData: keepPreviousData in the app defaults', () => {
  it('a sign-out then a sign-in never shows the previous customer’s secret while the new session loads', async () => {
    const { endpoint, recorder, view, ready } = openWithAppDefaults({ placeholderData: keepPreviousData });
    await flushUntil(ready);
    const first = recorder.latest().clientSecret;
    view.rerenderWith({ enabled: false });
    await clock.advance(0);
    const answer = endpoint.hold();
    const from = recorder.states.length;
    view.rerenderWith({ enabled: true });
    await flushUntil(() => endpoint.requests.length === 2);
    expect(recorder.states.slice(from).map((state) => state.clientSecret)).not.toContain(first);
    expect(recorder.latest()).toMatchObject({ status: 'pending', clientSecret: null });
    answer.resolve();
    await flushUntil(ready);
    expect(recorder.latest().clientSecret).not.toBe(first);
  });

  it('a page restored from the back/forward cache shows no secret before the endpoint answers', async () => {
    const { endpoint, recorder, ready } = openWithAppDefaults({ placeholderData: keepPreviousData });
    await flushUntil(ready);
    const first = recorder.latest().clientSecret;
    const answer = endpoint.hold();
    const from = recorder.states.length;
    act(() => void window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
    await flushUntil(() => endpoint.requests.length === 2);
    expect(recorder.states.slice(from).map((state) => state.clientSecret)).not.toContain(first);
    answer.resolve();
    await flushUntil(ready);
  });
});

describe('refetchOnMount, refetchOnWindowFocus, refetchOnReconnect in the app defaults', () => {
  afterEach(() => {
    Reflect.deleteProperty(document, 'visibilityState');
    onlineManager.setOnline(true);
  });

  it("refetchOnWindowFocus: false still refreshes at once a tab that slept past the refresh moment", async () => {
    const { endpoint, recorder, ready } = openWithAppDefaults({ refetchOnWindowFocus: false });
    await flushUntil(ready);
    const first = recorder.latest().clientSecret;
    // Asleep: the clock moves an hour, no timer runs.
    act(() => vi.setSystemTime(Date.now() + 60 * minute));
    act(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await flushUntil(() => endpoint.requests.length === 2 && ready());
    expect(recorder.latest().clientSecret).not.toBe(first);
  });

  it("refetchOnWindowFocus: 'always' does not spend a Stripe session on every focus of a fresh session", async () => {
    const { endpoint, ready } = openWithAppDefaults({ refetchOnWindowFocus: 'always' });
    await flushUntil(ready);
    await clock.advance(minute);
    act(() => void window.dispatchEvent(new Event('focus')));
    await clock.advance(0);
    expect(endpoint.requests).toHaveLength(1);
  });

  it("refetchOnReconnect: 'always' does not spend one on every reconnect of a fresh session", async () => {
    const { endpoint, ready } = openWithAppDefaults({ refetchOnReconnect: 'always' });
    await flushUntil(ready);
    await clock.advance(minute);
    act(() => onlineManager.setOnline(false));
    act(() => onlineManager.setOnline(true));
    await clock.advance(0);
    expect(endpoint.requests).toHaveLength(1);
  });

  it("refetchOnMount: 'always' does not spend one for each reader that mounts later", async () => {
    const { endpoint, recorder, view, appQueryClient, ready } = openWithAppDefaults({ refetchOnMount: 'always' });
    await flushUntil(ready);
    await clock.advance(minute);
    const hook = createSessionRecorder();
    view.rerender(
      providerTree(
        <>
          <recorder.ContextProbe />
          <hook.HookProbe options={{ endpoint: endpoint.url, components: ['payment_element'] }} />
        </>,
        { components: ['payment_element'], appQueryClient },
      ),
    );
    await clock.advance(0);
    expect(hook.latest().clientSecret).toBe(recorder.latest().clientSecret);
    expect(endpoint.requests).toHaveLength(1);
  });
});

describe('notifyOnChangeProps in the app defaults', () => {
  it("notifyOnChangeProps: ['data'] still shows a failed request as 'error', and a refresh as 'refreshing'", async () => {
    const { endpoint, recorder, ready } = openWithAppDefaults({ notifyOnChangeProps: ['data'] });
    await flushUntil(ready);
    const answer = endpoint.hold();
    await clock.advance(25 * minute);
    expect(recorder.latest().status).toBe('refreshing');
    answer.resolve();
    await flushUntil(() => ready() && endpoint.requests.length === 2);
    server.use(http.post(endpoint.url, () => HttpResponse.json({ error: { type: 'invalid_request_error', message: 'Bad components' } }, { status: 400 })));
    await act(() => recorder.latest().refresh());
    expect(recorder.latest()).toMatchObject({ status: 'error', error: { kind: 'http', status: 400 } });
  });
});

describe('every query default an app might set at once', () => {
  it('one request at mount, the next at the refresh moment, a failure shown as error: as with no defaults at all', async () => {
    const { endpoint, recorder, ready } = openWithAppDefaults({
      enabled: false,
      staleTime: Infinity,
      gcTime: 0,
      retry: 0,
      select: () => undefined,
      throwOnError: true,
      refetchInterval: 1000,
      refetchOnMount: 'always',
      refetchOnWindowFocus: 'always',
      refetchOnReconnect: 'always',
      retryOnMount: false,
      notifyOnChangeProps: [],
      placeholderData: keepPreviousData,
      structuralSharing: true,
      meta: { persist: true },
    });
    await flushUntil(ready);
    expect(recorder.latest().session?.object).toBe('customer_session');
    await clock.advance(25 * minute - 2000); // just before the refresh moment (25 min, less the second `created` is truncated by)
    act(() => void window.dispatchEvent(new Event('focus')));
    await clock.advance(0);
    expect(endpoint.requests).toHaveLength(1);
    await clock.advance(1000);
    await flushUntil(() => endpoint.requests.length === 2 && ready());
    endpoint.queue(...Array.from({ length: 4 }, () => () => new Response('down', { status: 503 })));
    act(() => void recorder.latest().refresh());
    await clock.advance(7000); // retried after 1 s, 2 s, 4 s
    await flushUntil(() => recorder.latest().status === 'error');
    expect(endpoint.requests).toHaveLength(6);
    expect(recorder.latest().clientSecret).not.toBeNull(); // still valid: kept
  });
});

describe('queryKeyHashFn in the app defaults', () => {
  beforeAll(() => {
    if (!customElements.get('stripe-pricing-table')) customElements.define('stripe-pricing-table', class extends HTMLElement {});
  });

  it("is still the session queries' hashing: a prefetched session is used, and an element gets a session of its own", async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    const appQueryClient = new QueryClient({ defaultOptions: { queries: { queryKeyHashFn: (key) => `app:${JSON.stringify(key)}` } } });
    await act(() => appQueryClient.prefetchQuery(customerSessionQueryOptions({ endpoint: endpoint.url, components: ['pricing_table'] })));
    expect(endpoint.requests).toHaveLength(1);
    renderWithProvider(
      <>
        <recorder.ContextProbe />
        <PricingTable pricingTableId="prctbl_hash" loading="eager" />
      </>,
      { components: ['pricing_table'], appQueryClient, publishableKey: 'pk_test_hash' },
    );
    await flushUntil(() => document.querySelector('stripe-pricing-table')?.getAttribute('customer-session-client-secret')?.startsWith('cuss_') === true);
    expect(endpoint.requests).toHaveLength(2); // the element's own; the provider's was the prefetched one
    expect(recorder.latest().status).toBe('ready');
  });
});
