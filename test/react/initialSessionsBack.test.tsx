import { act, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { BuyButton, CustomerSessionError, CustomerSessionProvider, PricingTable, type ComponentName, type CustomerSession } from '../../src/index';
import type { CustomerSessionEndpointContext } from '../../src/core/fetch';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { installFakeClock, settle } from '../helpers/fakeClock';
import { createSessionRecorder } from '../helpers/sessionRecorder';

// Server-rendered sessions and the two rules they must keep: Stripe's one secret for one render of one
// element, and the sign-out that holds. Within one provider (an element mounting after a drop), and
// across providers: a page entered again with its server payload cached (Back in Next.js or React
// Router) mounts a new provider with the very same `initialSession` and `initialSessions`.

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

/** Server-rendered sessions (the provider's, a pricing table's, a buy button's) and a page that renders them. */
function serverPayload(queryClient: QueryClient | undefined) {
  Object.defineProperty(performance, 'timeOrigin', { configurable: true, value: Date.now() - 1200 });
  const lists: ComponentName[][] = [components, ['pricing_table'], ['buy_button']];
  const [state, table, button] = lists.map((list) => makeCustomerSession({ components: list, now: Date.now() - 1000 })) as [CustomerSession, CustomerSession, CustomerSession];
  const auth = { signedIn: true };
  const endpoint = vi.fn(async ({ components: asked, sessions }: CustomerSessionEndpointContext): Promise<CustomerSession | CustomerSession[]> => {
    if (!auth.signedIn) throw new CustomerSessionError('http', 'Not signed in', { status: 401 });
    return sessions ? sessions.map((list) => makeCustomerSession({ components: list })) : makeCustomerSession({ components: asked });
  });
  const recorder = createSessionRecorder();
  const page = (withButton: boolean, elementSessions = true, enabled = true) => (
    <CustomerSessionProvider endpoint={endpoint} components={components} initialSession={state} initialSessions={elementSessions ? [table, button] : undefined} enabled={enabled} publishableKey="pk_test_ssr" queryClient={queryClient}>
      <recorder.ContextProbe />
      <PricingTable pricingTableId="prctbl_ssr" loading="eager" />
      {withButton && <BuyButton buyButtonId="buy_btn_modal" loading="eager" />}
    </CustomerSessionProvider>
  );
  return { state, table, button, auth, endpoint, recorder, page };
}

describe('server-rendered element sessions not yet taken when the customer is dropped', () => {
  it('are never handed to an element that mounts after a 401', async () => {
    const { table, auth, endpoint, recorder, page } = serverPayload(new QueryClient());
    const view = render(page(false));
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
    view.rerender(page(true));
    await settle();
    expect(rendered()).toEqual([null, null]);
  });

  it('are never handed to an element that mounts after a sign-out and the next sign-in', async () => {
    const { table, button, endpoint, page } = serverPayload(new QueryClient());
    const view = render(page(false));
    await settle();
    expect(rendered()).toEqual([table.client_secret]);
    view.rerender(page(false, true, false));
    await settle();
    view.rerender(page(false)); // someone signs in: the provider and the table ask for their sessions
    await settle();
    const asked = endpoint.mock.calls.length;
    view.rerender(page(true));
    await settle();
    const secrets = rendered();
    expect(secrets).not.toContain(button.client_secret);
    expect(secrets[1]).toMatch(/^cuss_/);
    expect(endpoint.mock.calls.length).toBe(asked + 1); // the button's own, from the endpoint
  });
});

describe.each([
  ['its private QueryClient', () => undefined],
  ['the app QueryClient', () => new QueryClient()],
])('a provider on %s, mounted again with the same server payload (Back)', (_label, makeClient) => {
  it('never hands an element a secret an element already rendered: it asks the endpoint', async () => {
    const { table, endpoint, page } = serverPayload(makeClient());
    const first = render(page(false));
    await settle();
    expect(rendered()).toEqual([table.client_secret]);
    expect(endpoint).not.toHaveBeenCalled();
    first.unmount(); // the customer navigates away…

    render(page(false)); // …and back
    await settle();
    expect(rendered()).toHaveLength(1);
    expect(rendered()[0]).toMatch(/^cuss_/);
    expect(rendered()[0]).not.toBe(table.client_secret);
    expect(endpoint).toHaveBeenCalledTimes(1);
    expect(endpoint.mock.calls[0]?.[0]).toMatchObject({ components: ['pricing_table'] });
  });

  it('after a drop (a 401), hands out neither the dropped provider session nor an element session not taken before', async () => {
    const { state, table, button, auth, recorder, page } = serverPayload(makeClient());
    const first = render(page(false));
    await settle();
    expect(rendered()).toEqual([table.client_secret]);
    auth.signedIn = false; // signed out on the server: the next ask answers 401 and drops the customer
    await act(() => recorder.latest().refresh());
    await settle();
    expect(recorder.latest().clientSecret).toBeNull();
    first.unmount();
    const before = recorder.states.length;

    render(page(true)); // Back, the modal's buy button open this time
    await settle();
    expect(rendered()).toEqual([null, null]);
    expect(recorder.states.slice(before).some((s) => s.clientSecret === state.client_secret || s.clientSecret === button.client_secret)).toBe(false);
    expect(recorder.latest().status).toBe('error');
  });

  it('without initialSessions, never renders the provider session twice: the element asks the endpoint', async () => {
    const { state, endpoint, page } = serverPayload(makeClient());
    // Without `initialSessions`, the first element the provider's session enables renders that one.
    const first = render(page(false, false));
    await settle();
    expect(rendered()).toEqual([state.client_secret]);
    first.unmount();

    render(page(false, false));
    await settle();
    expect(rendered()).toHaveLength(1);
    expect(rendered()[0]).toMatch(/^cuss_/);
    expect(rendered()[0]).not.toBe(state.client_secret);
    expect(endpoint.mock.calls.flatMap(([asked]) => asked.sessions ?? [asked.components]).map(String)).toContain('pricing_table');
  });
});
