import { render } from '@testing-library/react';
import { dehydrate, hydrate, QueryClient, type QueryFunctionContext } from '@tanstack/react-query';
import { customerSessionQueryKeyPrefix, customerSessionQueryOptions } from '../../src/react/query';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { providerTree } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

// Issue 18, item 13: no query persister ever receives the session, by default.
const server = setupMswServer();
installFakeClock();

function open(appQueryClient: QueryClient) {
  const endpoint = createSessionEndpoint();
  server.use(endpoint.handler);
  const recorder = createSessionRecorder();
  const view = render(providerTree(<recorder.ContextProbe />, { appQueryClient, components: ['pricing_table'] }));
  return { endpoint, recorder, view, ready: () => recorder.latest().status === 'ready' };
}

describe('query persisters never receive the session', () => {
  it('an app-wide defaultOptions.queries.persister (and one set for the session key) is not used for the session', async () => {
    const persister = vi.fn((queryFn: (context: QueryFunctionContext) => unknown, context: QueryFunctionContext) => Promise.resolve(queryFn(context)));
    const appQueryClient = new QueryClient({ defaultOptions: { queries: { persister } } });
    appQueryClient.setQueryDefaults([customerSessionQueryKeyPrefix], { persister });
    // The app's own queries do go through it.
    await appQueryClient.fetchQuery({ queryKey: ['cart'], queryFn: () => 'two bags' });
    expect(persister).toHaveBeenCalledTimes(1);

    const { recorder, ready } = open(appQueryClient);
    await flushUntil(ready);
    await appQueryClient.prefetchQuery({ ...customerSessionQueryOptions({ endpoint: '/api/customer-session', components: ['payment_element'] }) });
    expect(recorder.latest().clientSecret).toMatch(/^cuss_secret_/);
    expect(persister).toHaveBeenCalledTimes(1);
  });

  it('JSON.stringify(dehydrate(client)), what persistQueryClient writes, holds no secret; a page restoring it asks the endpoint', async () => {
    const appQueryClient = new QueryClient();
    const { endpoint, recorder, view, ready } = open(appQueryClient);
    await flushUntil(ready);
    const secret = recorder.latest().clientSecret ?? '';
    expect(secret).toMatch(/^cuss_secret_/);

    const written = JSON.stringify(dehydrate(appQueryClient));
    expect(written).toContain(customerSessionQueryKeyPrefix); // the query is there (TanStack's default filter keeps it)…
    expect(written).not.toContain(secret); // …but not its session
    expect(written).not.toContain('client_secret');
    expect(written).not.toContain(endpoint.customerId);
    view.unmount();

    // The next page load restores what was written, then renders the storefront.
    const restored = new QueryClient();
    hydrate(restored, JSON.parse(written));
    const next = open(restored);
    await flushUntil(next.ready);
    expect(next.recorder.latest().clientSecret).toMatch(/^cuss_secret_/);
    expect(next.recorder.latest().clientSecret).not.toBe(secret);
    expect(next.recorder.states.every((state) => state.status === 'pending' || state.status === 'ready')).toBe(true);
  });

  it('the data itself serializes to nothing, and stays plain data to read', async () => {
    const appQueryClient = new QueryClient();
    const { ready } = open(appQueryClient);
    await flushUntil(ready);
    const [query] = appQueryClient.getQueryCache().findAll({ queryKey: [customerSessionQueryKeyPrefix] });
    const data = query?.state.data as { session: { client_secret: string }; expiresAt: number };
    expect(data.session.client_secret).toMatch(/^cuss_secret_/);
    expect(JSON.stringify(data)).toBeUndefined();
    expect(JSON.stringify({ data })).toBe('{}');
    expect(Object.keys(data).sort()).toEqual(['expiresAt', 'lifetimeMs', 'refreshAt', 'session']);
    expect(structuredClone(data).session.client_secret).toBe(data.session.client_secret);
  });
});
