import { act, render } from '@testing-library/react';
import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { CustomerSessionProvider } from '../../src/index';
import { flushUntil } from '../helpers/advanceUntil';
import { captureConsole } from '../helpers/captureConsole';
import { installFakeClock, pastLifecycleMacrotask, settle } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { providerTree, renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const server = setupMswServer();
installFakeClock();

describe('aborting', () => {
  it('aborts the request when the last user unmounts, with no state-update warnings', async () => {
    const consoleCalls = captureConsole();
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const held = endpoint.hold();
    const recorder = createSessionRecorder();
    const { unmount } = renderWithProvider(<recorder.ContextProbe />);
    await flushUntil(() => endpoint.requests.length === 1);
    const rendersBefore = recorder.states.length;
    unmount();
    await pastLifecycleMacrotask();
    await flushUntil(() => endpoint.requests[0]?.signal.aborted === true);
    held.resolve();
    await settle();
    expect(recorder.states).toHaveLength(rendersBefore);
    expect(consoleCalls.calls).toEqual([]);
  });

  it('keeps the request going while another consumer is still mounted', async () => {
    const endpoint = createSessionEndpoint({ url: '/api/two-users' });
    server.use(endpoint.handler);
    const held = endpoint.hold();
    const recorder = createSessionRecorder();
    let hideFirst: () => void = () => {};
    function Page() {
      const [showFirst, setShowFirst] = useState(true);
      hideFirst = () => setShowFirst(false);
      const options = { endpoint: endpoint.url };
      return (
        <>
          {showFirst && <recorder.HookProbe options={options} />}
          <recorder.HookProbe options={options} />
        </>
      );
    }
    render(<Page />);
    await flushUntil(() => endpoint.requests.length === 1);
    act(() => hideFirst());
    await pastLifecycleMacrotask();
    expect(endpoint.requests[0]?.signal.aborted).toBe(false);
    held.resolve();
    await flushUntil(() => recorder.latest().status === 'ready');
    expect(endpoint.requests).toHaveLength(1);
  });

  it('starts over cleanly when remounted after an abort', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    endpoint.hold();
    const recorder = createSessionRecorder();
    const first = render(providerTree(<recorder.ContextProbe />));
    await flushUntil(() => endpoint.requests.length === 1);
    first.unmount();
    await pastLifecycleMacrotask();
    await flushUntil(() => endpoint.requests[0]?.signal.aborted === true);
    renderWithProvider(<recorder.ContextProbe />);
    await flushUntil(() => recorder.latest().status === 'ready');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('ends a function endpoint that ignores its signal when the last user unmounts', async () => {
    const consoleCalls = captureConsole();
    let calls = 0;
    const endpoint = () => {
      calls += 1;
      return new Promise<never>(() => {}); // never settles, never looks at the signal
    };
    const recorder = createSessionRecorder();
    const first = renderWithProvider(<recorder.ContextProbe />, { endpoint });
    await flushUntil(() => calls === 1);
    first.unmount();
    await pastLifecycleMacrotask();
    // Mounting again starts a new request instead of joining the abandoned one.
    renderWithProvider(<recorder.ContextProbe />, { endpoint });
    await flushUntil(() => calls === 2);
    expect(consoleCalls.calls).toEqual([]);
  });

  it.each([
    ['a hook re-keyed', false],
    ['a provider remounted (a route change) on the app QueryClient', true],
  ])('%s while its request is in flight joins that request: one request, never aborted, one session', async (_label, asProvider) => {
    const endpoint = createSessionEndpoint({ url: '/api/rekeyed' });
    server.use(endpoint.handler);
    const held = endpoint.hold();
    const recorder = createSessionRecorder();
    const client = new QueryClient();
    const page = (key: string) => (
      <QueryClientProvider client={client}>
        {asProvider ? (
          <CustomerSessionProvider key={key} endpoint={endpoint.url}>
            <recorder.ContextProbe />
          </CustomerSessionProvider>
        ) : (
          <recorder.HookProbe key={key} options={{ endpoint: endpoint.url }} />
        )}
      </QueryClientProvider>
    );
    const view = render(page('first'));
    await flushUntil(() => endpoint.requests.length === 1);
    view.rerender(page('second'));
    await pastLifecycleMacrotask();
    await act(async () => held.resolve());
    await flushUntil(() => recorder.latest().status === 'ready');
    await pastLifecycleMacrotask();
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.signal.aborted).toBe(false);
    view.unmount();
  });

  it('survives 100 rapid mount/unmount cycles with one request and no warnings', async () => {
    const consoleCalls = captureConsole();
    const endpoint = createSessionEndpoint({ url: '/api/rapid' });
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    for (let i = 0; i < 100; i++) render(<recorder.HookProbe options={{ endpoint: endpoint.url }} />).unmount();
    render(<recorder.HookProbe options={{ endpoint: endpoint.url }} />);
    await flushUntil(() => recorder.latest().status === 'ready');
    await pastLifecycleMacrotask();
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.signal.aborted).toBe(false);
    expect(consoleCalls.calls).toEqual([]);
  });
});

