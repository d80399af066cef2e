import { act } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { BuyButton, CustomerSessionProvider, PricingTable } from '../../src/index';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { captureConsole } from '../helpers/captureConsole';
import { installFakeClock, settle } from '../helpers/fakeClock';

installFakeClock();
const SECRET_ATTR = 'customer-session-client-secret';

// Like Stripe's, these keep their light DOM empty, so hydration finds exactly the server's markup.
beforeAll(() => {
  for (const tag of ['stripe-pricing-table', 'stripe-buy-button']) customElements.define(tag, class extends HTMLElement {});
});
afterEach(() => {
  document.body.innerHTML = '';
});

/** Server HTML, then hydration in the browser: what the guest saw first, and whether the browser kept it. */
async function serveThenHydrate(page: () => ReactNode) {
  const consoleCalls = captureConsole();
  const container = document.createElement('div');
  container.innerHTML = renderToString(page());
  document.body.append(container);
  const served = [...container.querySelectorAll('stripe-pricing-table, stripe-buy-button')];
  const html = container.innerHTML;
  const root = await act(async () => hydrateRoot(container, page()));
  await settle();
  const hydrated = [...container.querySelectorAll('stripe-pricing-table, stripe-buy-button')];
  return { html, served, hydrated, consoleCalls, unmount: () => act(() => root.unmount()) };
}

describe('a guest gets the web components in the first HTML, not their fallback', () => {
  it('provider enabled={false} (a signed-out visitor): both elements without a secret, kept as they are by hydration, no request', async () => {
    const endpoint = vi.fn(async () => makeCustomerSession({ components: ['pricing_table', 'buy_button'] }));
    const page = () => (
      <CustomerSessionProvider endpoint={endpoint} components={['pricing_table', 'buy_button']} enabled={false} publishableKey="pk_test_guest" queryClient={new QueryClient()}>
        <PricingTable pricingTableId="prctbl_guest" fallback={<p>plans loading</p>} />
        <BuyButton buyButtonId="buy_btn_guest" fallback={<p>button loading</p>} />
      </CustomerSessionProvider>
    );
    const { html, served, hydrated, consoleCalls, unmount } = await serveThenHydrate(page);
    expect(html).not.toContain('loading');
    expect(served.map((element) => element.getAttribute('publishable-key'))).toEqual(['pk_test_guest', 'pk_test_guest']);
    expect(served.some((element) => element.hasAttribute(SECRET_ATTR))).toBe(false);
    // The same nodes: hydration neither re-created nor replaced them.
    expect(hydrated).toHaveLength(2);
    hydrated.forEach((element, index) => expect(element).toBe(served[index]));
    expect(consoleCalls.calls).toEqual([]);
    expect(endpoint).not.toHaveBeenCalled();
    unmount();
  });

  it('an anonymous element is in the first HTML even while the provider has no session yet', async () => {
    const endpoint = vi.fn(async () => makeCustomerSession({ components: ['pricing_table'] }));
    const page = () => (
      <CustomerSessionProvider endpoint={endpoint} components={['pricing_table']} publishableKey="pk_test_guest" queryClient={new QueryClient()}>
        <PricingTable anonymous pricingTableId="prctbl_public" fallback={<p>plans loading</p>} />
      </CustomerSessionProvider>
    );
    const { html, served, hydrated, consoleCalls, unmount } = await serveThenHydrate(page);
    expect(html).not.toContain('loading');
    expect(served).toHaveLength(1);
    expect(served[0]?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(hydrated[0]).toBe(served[0]);
    expect(consoleCalls.calls).toEqual([]);
    unmount();
  });

  it('a customer whose session is still pending on the server gets the fallback there, never a guest element that then flips', async () => {
    const endpoint = vi.fn(async () => makeCustomerSession({ components: ['pricing_table'] }));
    const page = () => (
      <CustomerSessionProvider endpoint={endpoint} components={['pricing_table']} publishableKey="pk_test_guest" queryClient={new QueryClient()}>
        <PricingTable pricingTableId="prctbl_customer" loading="eager" fallback={<p>plans loading</p>} />
      </CustomerSessionProvider>
    );
    const { html, served, unmount } = await serveThenHydrate(page);
    expect(html).toContain('plans loading');
    expect(served).toEqual([]);
    unmount();
  });
});
