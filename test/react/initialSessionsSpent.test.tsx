import { act, render, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { CustomerSessionProvider, PricingTable, type ComponentName, type CustomerSession } from '../../src/index';
import type { CustomerSessionEndpointContext } from '../../src/core/fetch';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';

// Stripe's rule, one secret for one render of one element, across providers: a page entered again
// with its server payload cached (a Back navigation in Next.js or React Router) mounts a new provider
// with the very same `initialSessions`.

const SECRET_ATTR = 'customer-session-client-secret';
const components: ComponentName[] = ['pricing_table'];
const tableSecret = () => document.querySelector('stripe-pricing-table')?.getAttribute(SECRET_ATTR);

beforeAll(() => {
  if (!customElements.get('stripe-pricing-table')) customElements.define('stripe-pricing-table', class extends HTMLElement {});
});
afterEach(() => {
  Reflect.deleteProperty(performance, 'timeOrigin');
  document.body.innerHTML = '';
});

it('a provider mounted again with the same initialSessions never hands out a secret an element already rendered', async () => {
  Object.defineProperty(performance, 'timeOrigin', { configurable: true, value: Date.now() - 1200 });
  const [state, table] = [components, components].map((list) => makeCustomerSession({ components: list, now: Date.now() - 1000 })) as [CustomerSession, CustomerSession];
  const endpoint = vi.fn(async ({ components: asked, sessions }: CustomerSessionEndpointContext): Promise<CustomerSession | CustomerSession[]> =>
    sessions ? sessions.map((list) => makeCustomerSession({ components: list })) : makeCustomerSession({ components: asked }),
  );
  const queryClient = new QueryClient();
  const page = () => (
    <CustomerSessionProvider endpoint={endpoint} components={components} initialSession={state} initialSessions={[table]} publishableKey="pk_test_ssr" queryClient={queryClient}>
      <PricingTable pricingTableId="prctbl_ssr" loading="eager" />
    </CustomerSessionProvider>
  );
  const first = render(page());
  expect(tableSecret()).toBe(table.client_secret);
  expect(endpoint).not.toHaveBeenCalled();
  first.unmount(); // the customer navigates away…

  render(page()); // …and back: the same server payload, a new provider
  expect(tableSecret()).not.toBe(table.client_secret);
  await waitFor(() => expect(tableSecret()).toMatch(/^cuss_/));
  expect(tableSecret()).not.toBe(table.client_secret);
  expect(endpoint).toHaveBeenCalledTimes(1);
  expect(endpoint.mock.calls[0]?.[0]).toMatchObject({ components: ['pricing_table'] });
  await act(async () => {});
});
