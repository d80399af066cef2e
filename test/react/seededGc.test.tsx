import { act, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { CustomerSessionProvider, PricingTable, isCustomerSessionQuery, type CustomerSession } from '../../src/index';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';

beforeAll(() => {
  if (!customElements.get('stripe-pricing-table')) customElements.define('stripe-pricing-table', class extends HTMLElement {});
});

// A session seeded from `initialSessions` is built with the element's own options (gcTime 0), never
// the app's defaults (TanStack keeps the longest gcTime a query was ever given).
it.each([[{}], [{ gcTime: Infinity }]])('app defaults %o: an element session seeded from initialSessions goes with its element (gcTime 0)', async (queries) => {
  vi.useFakeTimers({ now: Date.now() });
  Object.defineProperty(performance, 'timeOrigin', { configurable: true, value: Date.now() - 1200 });
  const client = new QueryClient({ defaultOptions: { queries } });
  const elementQueries = () => client.getQueryCache().getAll().filter((q) => isCustomerSessionQuery(q) && q.queryKey.length > 3 && q.state.data !== undefined);
  for (let visit = 0; visit < 5; visit++) {
    const [state, table] = [0, 1].map(() => makeCustomerSession({ components: ['pricing_table'], now: Date.now() - 1000 })) as [CustomerSession, CustomerSession];
    const view = render(
      <CustomerSessionProvider endpoint={async () => makeCustomerSession({ components: ['pricing_table'] })} components={['pricing_table']} initialSession={state} initialSessions={[table]} publishableKey="pk_test" queryClient={client}>
        <PricingTable pricingTableId="prctbl_x" loading="eager" />
      </CustomerSessionProvider>,
    );
    await act(async () => {});
    view.unmount();
    await act(() => vi.advanceTimersByTimeAsync(60_000));
  }
  // Each visit's element session went with its element: no secret left behind in the cache.
  expect(elementQueries()).toHaveLength(0);
  vi.useRealTimers();
  Reflect.deleteProperty(performance, 'timeOrigin');
});
