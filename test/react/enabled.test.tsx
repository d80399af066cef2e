import { act, render } from '@testing-library/react';
import { StrictMode } from 'react';
import { CustomerSessionProvider } from '../../src/react/CustomerSessionProvider';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock, settle } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint, sessionEndpointUrl } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const server = setupMswServer();
installFakeClock();
const empty = { status: 'pending', session: null, clientSecret: null, expiresAt: null, error: null };

describe('enabled={false} (sign-out)', () => {
  it('drops the secret at once when enabled turns false, and fetches nothing', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    const view = renderWithProvider(<recorder.ContextProbe />);
    await flushUntil(() => recorder.latest().status === 'ready');
    const rendered = recorder.states.length;
    view.rerenderWith({ enabled: false });
    expect(recorder.latest()).toMatchObject(empty);
    expect(recorder.latest().isEnabled('pricing_table')).toBe(false);
    await settle();
    expect(recorder.states.slice(rendered).every((s) => s.clientSecret === null && s.session === null)).toBe(true);
    expect(endpoint.requests).toHaveLength(1);
  });

  it('fetches exactly one new session when enabled turns true again, never showing the old secret', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    const view = renderWithProvider(<recorder.ContextProbe />);
    await flushUntil(() => recorder.latest().status === 'ready');
    const first = recorder.latest().clientSecret;
    view.rerenderWith({ enabled: false });
    await settle();
    const rendered = recorder.states.length;
    view.rerenderWith({ enabled: true });
    await flushUntil(() => recorder.latest().status === 'ready');
    await settle();
    expect(endpoint.requests).toHaveLength(2);
    expect(recorder.latest().clientSecret).toMatch(/^cuss_secret_/);
    expect(recorder.latest().clientSecret).not.toBe(first);
    expect(recorder.states.slice(rendered).every((s) => s.clientSecret !== first)).toBe(true);
  });

  it("ignores a refresh() kept from before sign-out, so nothing is fetched for the signed-out visitor", async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    const view = renderWithProvider(<recorder.ContextProbe />);
    await flushUntil(() => recorder.latest().status === 'ready');
    const { refresh } = recorder.latest();
    view.rerenderWith({ enabled: false });
    await act(() => refresh());
    await settle();
    expect(endpoint.requests).toHaveLength(1);
    view.rerenderWith({ enabled: true });
    await flushUntil(() => recorder.latest().status === 'ready');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('lets a refresh() kept from before refresh the shared session while another hook is enabled; its hook still sees nothing', async () => {
    const endpoint = createSessionEndpoint({ url: '/api/kept-refresh' });
    server.use(endpoint.handler);
    const other = createSessionRecorder();
    const kept = createSessionRecorder();
    const tree = (keptEnabled: boolean) => (
      <>
        <other.HookProbe options={{ endpoint: endpoint.url }} />
        <kept.HookProbe options={{ endpoint: endpoint.url, enabled: keptEnabled }} />
      </>
    );
    const view = render(tree(true));
    await flushUntil(() => kept.latest().status === 'ready');
    const { refresh } = kept.latest();
    const first = other.latest().clientSecret;
    view.rerender(tree(false));
    const rendered = kept.states.length;
    await act(() => refresh());
    await flushUntil(() => other.latest().clientSecret !== first);
    await settle(); // the count is final: a request the kept refresh() started late would be in it
    expect(endpoint.requests).toHaveLength(2);
    expect(kept.states.slice(rendered - 1).every((s) => s.clientSecret === null && s.session === null)).toBe(true);
    view.unmount();
  });

  it('aborts a request in flight when enabled turns false; its secret never lands', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const held = endpoint.hold();
    const recorder = createSessionRecorder();
    const view = renderWithProvider(<recorder.ContextProbe />);
    await flushUntil(() => endpoint.requests.length === 1);
    view.rerenderWith({ enabled: false });
    expect(endpoint.requests[0]?.signal.aborted).toBe(true);
    held.resolve();
    await settle();
    expect(recorder.states.every((s) => s.clientSecret === null)).toBe(true);
    view.rerenderWith({ enabled: true });
    await flushUntil(() => recorder.latest().status === 'ready');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('gives a disabled hook no secret while an enabled one shares its session, and its refresh() fetches nothing', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const shared = createSessionRecorder();
    const disabled = createSessionRecorder();
    renderWithProvider(
      <>
        <shared.ContextProbe />
        <disabled.HookProbe options={{ endpoint: sessionEndpointUrl, enabled: false }} />
      </>,
    );
    await flushUntil(() => shared.latest().status === 'ready');
    await settle();
    expect(disabled.latest()).toMatchObject(empty);
    expect(disabled.states.every((s) => s.clientSecret === null && s.session === null)).toBe(true);
    await act(() => disabled.latest().refresh());
    await settle();
    expect(endpoint.requests).toHaveLength(1);
    expect(shared.latest().status).toBe('ready');
  });

  it('drops the session when the last enabled hook unmounts beside a disabled one; the next enabled one fetches anew', async () => {
    const endpoint = createSessionEndpoint({ url: '/api/last-enabled' });
    server.use(endpoint.handler);
    const enabled = createSessionRecorder();
    const disabled = createSessionRecorder();
    const tree = (showEnabled: boolean) => (
      <>
        {showEnabled && <enabled.HookProbe options={{ endpoint: endpoint.url }} />}
        <disabled.HookProbe options={{ endpoint: endpoint.url, enabled: false }} />
      </>
    );
    const view = render(tree(true));
    await flushUntil(() => enabled.latest().status === 'ready');
    const first = enabled.latest().clientSecret;
    view.rerender(tree(false));
    await settle();
    const rendered = enabled.states.length;
    view.rerender(tree(true));
    expect(enabled.states[rendered]).toMatchObject(empty);
    await flushUntil(() => enabled.latest().status === 'ready');
    expect(enabled.latest().clientSecret).not.toBe(first);
    expect(endpoint.requests).toHaveLength(2);
    view.unmount();
  });

  it('makes one request in StrictMode with a disabled hook beside the enabled provider', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const shared = createSessionRecorder();
    const disabled = createSessionRecorder();
    render(
      <StrictMode>
        <CustomerSessionProvider endpoint={sessionEndpointUrl}>
          <disabled.HookProbe options={{ endpoint: sessionEndpointUrl, enabled: false }} />
          <shared.ContextProbe />
        </CustomerSessionProvider>
      </StrictMode>,
    );
    await flushUntil(() => shared.latest().status === 'ready');
    await settle();
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.signal.aborted).toBe(false);
    expect(disabled.latest().clientSecret).toBeNull();
  });
});
