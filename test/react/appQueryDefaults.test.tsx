import { act } from '@testing-library/react';
import { keepPreviousData, QueryClient, type QueryClientConfig } from '@tanstack/react-query';
import { setupMswServer } from '../helpers/mswServer';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

// The session's options are spread over the app's `defaultOptions.queries`: whatever an app sets
// there for its own queries must not change what the session hands out or how often it asks.

const server = setupMswServer();
const clock = installFakeClock();

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
