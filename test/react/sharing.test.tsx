import { act, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import type { ComponentName } from '../../src/core/componentNames';
import { useCustomerSessionContext } from '../../src/react/CustomerSessionProvider';
import { useComponentSecret } from '../../src/react/elementSecret';
import { isCustomerSessionQuery } from '../../src/react/query';
import type { CustomerSessionEndpoint } from '../../src/react/types';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock, settle } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { renderWithProvider, providerTree } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const server = setupMswServer();
installFakeClock();
/** The text of every element with `testId`, in document order. */
const texts = (testId: string) => screen.getAllByTestId(testId).map((el) => el.textContent);

/** An element's own secret (`data-secret`) and status. */
function SecretProbe({ component }: { component: ComponentName }) {
  const { clientSecret, status } = useComponentSecret(component);
  return (
    <output data-testid="secret" data-secret={clientSecret ?? ''}>
      {status}
    </output>
  );
}

describe('one session, shared', () => {
  it('makes one request for 100 consumers of a provider', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    renderWithProvider(Array.from({ length: 100 }, (_, i) => <recorder.ContextProbe key={i} />), { components: ['payment_element'] });
    await flushUntil(() => recorder.latest().status === 'ready');
    await settle();
    expect(endpoint.requests).toHaveLength(1);
    expect(recorder.latest().clientSecret).toMatch(/^cuss_secret_/);
  });

  it('makes one request for 100 useCustomerSession hooks with no provider at all', async () => {
    const endpoint = createSessionEndpoint({ url: '/api/bare-hooks' });
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    // A fresh (and differently ordered) components array every render must not split the session.
    render(
      <>
        {Array.from({ length: 100 }, (_, i) => (
          <recorder.HookProbe key={i} options={{ endpoint: endpoint.url, components: i % 2 ? ['pricing_table', 'buy_button'] : ['buy_button', 'pricing_table', 'buy_button'] }} />
        ))}
      </>,
    );
    await flushUntil(() => texts('status').every((text) => text === 'ready'));
    await settle();
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.body).toEqual({ components: ['buy_button', 'pricing_table'] });
  });

  it('makes one request in StrictMode and never aborts it', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    renderWithProvider(<recorder.ContextProbe />, { strict: true });
    await flushUntil(() => recorder.latest().status === 'ready');
    await settle();
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.signal.aborted).toBe(false);
  });

  it('in StrictMode, 100 state readers and three elements mounted in one commit make one request: the state session and one per element, never aborted', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    renderWithProvider(
      <>
        {Array.from({ length: 100 }, (_, i) => (
          <recorder.ContextProbe key={i} />
        ))}
        <SecretProbe component="pricing_table" />
        <SecretProbe component="pricing_table" />
        <SecretProbe component="buy_button" />
      </>,
      { components: ['pricing_table', 'buy_button'], strict: true },
    );
    await flushUntil(() => texts('secret').every((text) => text === 'ready'));
    await settle();
    expect(endpoint.requests.map((r) => r.body)).toEqual([{ sessions: [['buy_button', 'pricing_table'], ['pricing_table'], ['pricing_table'], ['buy_button']] }]);
    expect(endpoint.requests[0]?.signal.aborted).toBe(false);
    const elementSecrets = screen.getAllByTestId('secret').map((el) => el.dataset.secret);
    expect(new Set([recorder.latest().clientSecret, ...elementSecrets]).size).toBe(4);
  });

  it('shares the provider session with useCustomerSession hooks inside it', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    renderWithProvider(
      <>
        <recorder.ContextProbe />
        <recorder.HookProbe options={{ endpoint: endpoint.url, components: ['pricing_table'] }} />
      </>,
      { components: ['pricing_table'], strict: true },
    );
    await flushUntil(() => texts('status').join() === 'ready,ready');
    await settle();
    expect(endpoint.requests).toHaveLength(1);
  });

  it('keeps different component sets and endpoints apart', async () => {
    const first = createSessionEndpoint({ url: '/api/first' });
    const second = createSessionEndpoint({ url: '/api/second' });
    server.use(first.handler, second.handler);
    const [pricing, buyFirst, buySecond] = [createSessionRecorder(), createSessionRecorder(), createSessionRecorder()];
    render(
      <>
        <pricing.HookProbe options={{ endpoint: first.url, components: ['pricing_table'] }} />
        <buyFirst.HookProbe options={{ endpoint: first.url, components: ['buy_button'] }} />
        <buySecond.HookProbe options={{ endpoint: second.url, components: ['buy_button'] }} />
      </>,
    );
    await flushUntil(() => texts('status').join() === 'ready,ready,ready');
    await settle();
    // Started in one commit: one request per endpoint, each component set a session of its own in it.
    expect(first.requests.map((r) => r.body)).toEqual([{ sessions: [['pricing_table'], ['buy_button']] }]);
    expect(second.requests.map((r) => r.body)).toEqual([{ components: ['buy_button'] }]);
    expect(pricing.latest().isEnabled('pricing_table')).toBe(true);
    expect(pricing.latest().isEnabled('buy_button')).toBe(false);
    expect(buyFirst.latest().isEnabled('buy_button')).toBe(true);
    expect(buyFirst.latest().isEnabled('pricing_table')).toBe(false);
    expect(buySecond.latest().session?.customer).toBe(second.customerId);
    expect(new Set([pricing, buyFirst, buySecond].map((r) => r.latest().clientSecret)).size).toBe(3);
  });

  it('works with no QueryClientProvider (the provider makes a private client)', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    renderWithProvider(<recorder.ContextProbe />);
    expect(recorder.latest().status).toBe('pending');
    await flushUntil(() => recorder.latest().status === 'ready');
    expect(recorder.latest().session?.customer).toBe(endpoint.customerId);
  });

  it("uses the app's QueryClientProvider client when there is one", async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const appClient = new QueryClient();
    const recorder = createSessionRecorder();
    renderWithProvider(<recorder.ContextProbe />, { appQueryClient: appClient });
    await flushUntil(() => recorder.latest().status === 'ready');
    const queries = appClient.getQueryCache().findAll({ predicate: isCustomerSessionQuery });
    expect(queries).toHaveLength(1);
    expect(queries[0]?.meta).toEqual({ persist: false });
  });

  it('uses the queryClient prop over everything else', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const appClient = new QueryClient();
    const ownClient = new QueryClient();
    const recorder = createSessionRecorder();
    renderWithProvider(<recorder.ContextProbe />, { appQueryClient: appClient, queryClient: ownClient });
    await flushUntil(() => recorder.latest().status === 'ready');
    expect(ownClient.getQueryCache().findAll({ predicate: isCustomerSessionQuery })).toHaveLength(1);
    expect(appClient.getQueryCache().getAll()).toHaveLength(0);
  });

  it('throws an error naming CustomerSessionProvider when useCustomerSessionContext is used outside one', () => {
    function Orphan() {
      useCustomerSessionContext();
      return null;
    }
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Orphan />)).toThrow(/CustomerSessionProvider/);
  });

  it('calls a function endpoint with the components and a signal, keyed by its identity', async () => {
    const calls: Array<{ components: string[]; signal: AbortSignal }> = [];
    const endpoint: CustomerSessionEndpoint = async (ctx) => {
      calls.push(ctx);
      return makeCustomerSession({ components: ['pricing_table'] });
    };
    const recorder = createSessionRecorder();
    render(
      <StrictMode>
        {providerTree(
          <>
            <recorder.ContextProbe />
            <recorder.HookProbe options={{ endpoint, components: ['pricing_table'] }} />
          </>,
          { endpoint, components: ['pricing_table'] },
        )}
      </StrictMode>,
    );
    await flushUntil(() => recorder.latest().status === 'ready');
    await settle();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.components).toEqual(['pricing_table']);
    expect(calls[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(recorder.latest().isEnabled('pricing_table')).toBe(true);
  });

  it('rejects a function endpoint that returns something other than a Customer Session', async () => {
    const endpoint: CustomerSessionEndpoint = async () => ({ client_secret: 'cuss_secret_x' }) as never;
    const recorder = createSessionRecorder();
    renderWithProvider(<recorder.ContextProbe />, { endpoint });
    await flushUntil(() => recorder.latest().status === 'error');
    expect(recorder.latest().error).toMatchObject({ kind: 'invalid_response', message: expect.stringContaining('`object`') });
  });

  it('follows the session\'s components in isEnabled', async () => {
    const endpoint = createSessionEndpoint({ policy: { pricing_table: { enabled: true }, buy_button: { enabled: true } } });
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    renderWithProvider(<recorder.ContextProbe />, { components: ['pricing_table'] });
    expect(recorder.latest().isEnabled('pricing_table')).toBe(false); // nothing yet
    await flushUntil(() => recorder.latest().status === 'ready');
    const state = recorder.latest();
    expect(state.isEnabled('pricing_table')).toBe(true);
    expect(state.isEnabled('buy_button')).toBe(false);
    expect(state.isEnabled('payment_element')).toBe(false);
    expect(state.session?.components.pricing_table.enabled).toBe(true);
  });

  it('fetches nothing while enabled is false, and starts when it turns true', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    const view = renderWithProvider(<recorder.ContextProbe />, { enabled: false });
    await settle();
    expect(endpoint.requests).toHaveLength(0);
    expect(recorder.latest()).toMatchObject({ status: 'pending', clientSecret: null });
    view.rerenderWith({ enabled: true });
    await flushUntil(() => recorder.latest().status === 'ready');
    expect(endpoint.requests).toHaveLength(1);
  });

  it('starts a new session when the components change, and drops the old one', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    const view = renderWithProvider(<recorder.ContextProbe />, { components: ['pricing_table'] });
    await flushUntil(() => recorder.latest().status === 'ready');
    const first = recorder.latest().clientSecret;
    const rendered = recorder.states.length;
    view.rerenderWith({ components: ['buy_button'] });
    await flushUntil(() => recorder.latest().isEnabled('buy_button'));
    expect(recorder.states.slice(rendered).every((s) => s.clientSecret !== first)).toBe(true);
    expect(recorder.latest().isEnabled('pricing_table')).toBe(false);
    expect(endpoint.requests.map((r) => r.body)).toEqual([{ components: ['pricing_table'] }, { components: ['buy_button'] }]);
  });

  it('drops the secret and fetches a new session when the app clears its QueryClient (sign-out)', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const appClient = new QueryClient();
    const recorder = createSessionRecorder();
    renderWithProvider(<recorder.ContextProbe />, { appQueryClient: appClient });
    await flushUntil(() => recorder.latest().status === 'ready');
    const first = recorder.latest().clientSecret;
    const rendered = recorder.states.length;
    act(() => appClient.clear());
    await flushUntil(() => recorder.latest().status === 'ready');
    expect(recorder.states[rendered]).toMatchObject({ status: 'pending', clientSecret: null });
    expect(recorder.latest().clientSecret).not.toBe(first);
    expect(endpoint.requests).toHaveLength(2);
  });
});

