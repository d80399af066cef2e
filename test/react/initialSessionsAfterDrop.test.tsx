import { act, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { BuyButton, CustomerSessionError, CustomerSessionProvider, PricingTable, type ComponentName, type CustomerSession } from '../../src/index';
import type { CustomerSessionEndpointContext } from '../../src/core/fetch';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { installFakeClock, settle } from '../helpers/fakeClock';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const SECRET_ATTR = 'customer-session-client-secret';
const components: ComponentName[] = ['pricing_table', 'buy_button'];
const rendered = () => [...document.querySelectorAll('stripe-pricing-table, stripe-buy-button')].map((el) => el.getAttribute(SECRET_ATTR));

installFakeClock();

beforeAll(() => {
  for (const tag of ['stripe-pricing-table', 'stripe-buy-button']) if (!customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
});
afterEach(() => {
  Reflect.deleteProperty(performance, 'timeOrigin');
  document.body.innerHTML = '';
});

/** Server-rendered sessions for the provider, a pricing table and a buy button; the page renders the table only, until `withButton`. */
function openPage() {
  Object.defineProperty(performance, 'timeOrigin', { configurable: true, value: Date.now() - 1200 });
  const lists: ComponentName[][] = [components, ['pricing_table'], ['buy_button']];
  const [state, table, button] = lists.map((list) => makeCustomerSession({ components: list, now: Date.now() - 1000 })) as [CustomerSession, CustomerSession, CustomerSession];
  const auth = { signedIn: true };
  const endpoint = vi.fn(async ({ components: asked, sessions }: CustomerSessionEndpointContext): Promise<CustomerSession | CustomerSession[]> => {
    if (!auth.signedIn) throw new CustomerSessionError('http', 'Not signed in', { status: 401 });
    return sessions ? sessions.map((list) => makeCustomerSession({ components: list })) : makeCustomerSession({ components: asked });
  });
  const recorder = createSessionRecorder();
  const client = new QueryClient();
  const page = (withButton: boolean, enabled = true) => (
    <CustomerSessionProvider endpoint={endpoint} components={components} initialSession={state} initialSessions={[table, button]} enabled={enabled} publishableKey="pk_test_ssr" queryClient={client}>
      <recorder.ContextProbe />
      <PricingTable pricingTableId="prctbl_ssr" loading="eager" />
      {withButton && <BuyButton buyButtonId="buy_btn_modal" loading="eager" />}
    </CustomerSessionProvider>
  );
  const view = render(page(false));
  return { table, button, auth, endpoint, recorder, rerender: (withButton: boolean, enabled?: boolean) => view.rerender(page(withButton, enabled)) };
}

describe('server-rendered element sessions not yet taken when the customer is dropped', () => {
  it('are never handed to an element that mounts after a 401', async () => {
    const { table, auth, endpoint, recorder, rerender } = openPage();
    await settle();
    expect(rendered()).toEqual([table.client_secret]);
    expect(endpoint).not.toHaveBeenCalled();
    // Signed out on the server: the next ask answers 401, and the customer is dropped.
    auth.signedIn = false;
    await act(() => recorder.latest().refresh());
    await settle();
    expect(recorder.latest().status).toBe('error');
    expect(rendered()).toEqual([null]);
    // A buy button opens later (a modal): its server-rendered session is the signed-out customer's.
    rerender(true);
    await settle();
    expect(rendered()).toEqual([null, null]);
  });

  it('are never handed to an element that mounts after a sign-out and the next sign-in', async () => {
    const { table, button, endpoint, rerender } = openPage();
    await settle();
    expect(rendered()).toEqual([table.client_secret]);
    rerender(false, false);
    await settle();
    rerender(false, true); // someone signs in: the provider and the table ask for their sessions
    await settle();
    const asked = endpoint.mock.calls.length;
    rerender(true);
    await settle();
    const secrets = rendered();
    expect(secrets).not.toContain(button.client_secret);
    expect(secrets[1]).toMatch(/^cuss_/);
    expect(endpoint.mock.calls.length).toBe(asked + 1); // the button's own, from the endpoint
  });
});
