import { act, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { CustomerSessionProvider, customerSessionQueryOptions, isCustomerSessionQuery } from '../../src/index';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const server = setupMswServer();
installFakeClock();

function setup() {
  const endpoint = createSessionEndpoint();
  server.use(endpoint.handler);
  const queryClient = new QueryClient();
  const options = customerSessionQueryOptions({ endpoint: endpoint.url, components: ['pricing_table', 'payment_element'] });
  return { endpoint, queryClient, options };
}

describe('customerSessionQueryOptions', () => {
  it('is the real query: a prefetched session is what the provider shows, with no second request', async () => {
    const { endpoint, queryClient, options } = setup();
    await act(() => queryClient.prefetchQuery(options));
    expect(endpoint.requests).toHaveLength(1);
    const data = queryClient.getQueryData(options.queryKey);
    expect(data?.session.client_secret).toMatch(/^cuss_secret_/);
    expect(data?.expiresAt).toBeGreaterThan(Date.now());

    const recorder = createSessionRecorder();
    render(
      <CustomerSessionProvider endpoint={endpoint.url} components={['payment_element', 'pricing_table']} queryClient={queryClient}>
        <recorder.ContextProbe />
      </CustomerSessionProvider>,
    );
    // Ready on the first render: the provider found the session in the cache.
    expect(recorder.states[0]).toMatchObject({ status: 'ready', clientSecret: data?.session.client_secret });
    await flushUntil(() => true, 5);
    expect(endpoint.requests).toHaveLength(1);
  });

  it('works with ensureQueryData and invalidateQueries like any query, and stays out of persisters', async () => {
    const { endpoint, queryClient, options } = setup();
    const data = await act(() => queryClient.ensureQueryData(options));
    expect(await act(() => queryClient.ensureQueryData(options))).toBe(data);
    expect(endpoint.requests).toHaveLength(1);
    const [query] = queryClient.getQueryCache().findAll({ queryKey: options.queryKey });
    expect(query && isCustomerSessionQuery(query)).toBe(true);
    expect(query?.meta).toEqual({ persist: false });

    const recorder = createSessionRecorder();
    render(<recorder.HookProbe options={{ endpoint: endpoint.url, components: ['pricing_table', 'payment_element'] }} />, {
      wrapper: ({ children }) => (
        <CustomerSessionProvider endpoint={endpoint.url} queryClient={queryClient} enabled={false}>
          {children}
        </CustomerSessionProvider>
      ),
    });
    expect(recorder.latest().clientSecret).toBe(data.session.client_secret);
    await act(() => queryClient.invalidateQueries({ queryKey: options.queryKey }));
    await flushUntil(() => recorder.latest().status === 'ready' && recorder.latest().clientSecret !== data.session.client_secret);
    expect(endpoint.requests).toHaveLength(2);
  });
});
