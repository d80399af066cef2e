import { act, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { createElement, type ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { CustomerSessionElements, CustomerSessionProvider, PricingTable, type CustomerSession, type CustomerSessionEndpoint } from '../../src/index';
import type { CustomerSessionEndpointContext } from '../../src/core/fetch';
import { createStripeStandIn } from '../../src/testing/createStripeStandIn';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { flushUntil } from '../helpers/advanceUntil';
import { captureConsole } from '../helpers/captureConsole';
import { installFakeClock, settle } from '../helpers/fakeClock';
import { createSessionRecorder } from '../helpers/sessionRecorder';

installFakeClock();
const minute = 60_000;
const SECRET_ATTR = 'customer-session-client-secret';
const table = () => document.querySelector('stripe-pricing-table');

// Like Stripe's, these keep their light DOM empty (Stripe renders into an iframe in a shadow root),
// so hydration finds exactly the server's markup. Defining them also keeps Stripe's script out.
beforeAll(() => {
  for (const tag of ['stripe-pricing-table', 'stripe-buy-button']) customElements.define(tag, class extends HTMLElement {});
});
afterEach(() => {
  Reflect.deleteProperty(performance, 'timeOrigin');
  document.body.innerHTML = '';
});

/** The page's navigation started `agoMs` before now. */
function navigationStartedAgo(agoMs: number) {
  Object.defineProperty(performance, 'timeOrigin', { configurable: true, value: Date.now() - agoMs });
}

/** A session the server created `agoMs` ago, for the page it rendered then. */
function serverSession(agoMs: number): CustomerSession {
  navigationStartedAgo(agoMs + 200);
  return makeCustomerSession({ components: ['pricing_table'], now: Date.now() - agoMs });
}

/**
 * A function endpoint as an app writes one for batches: a fresh session for each entry of
 * `sessions` (one call for all of them), else one for `components`.
 */
function batchingEndpoint() {
  return vi.fn(async ({ components, sessions }: CustomerSessionEndpointContext): Promise<CustomerSession | CustomerSession[]> =>
    sessions ? sessions.map((list) => makeCustomerSession({ components: list })) : makeCustomerSession({ components }),
  );
}

function page(initialSession: CustomerSession, endpoint: CustomerSessionEndpoint, queryClient: QueryClient, children?: ReactNode) {
  return createElement(CustomerSessionProvider, {
    endpoint,
    components: ['pricing_table'],
    initialSession,
    publishableKey: 'pk_test_ssr',
    queryClient,
    children: [createElement(PricingTable, { key: 'table', pricingTableId: 'prctbl_ssr' }), children],
  });
}

/** Server HTML for the page (with a status probe like the browser's), apart from the browser's QueryClient. */
function serverHtml(initialSession: CustomerSession, endpoint: CustomerSessionEndpoint): string {
  const server = createSessionRecorder();
  return renderToString(page(initialSession, endpoint, new QueryClient(), <server.ContextProbe key="probe" />));
}

describe('an initial session in the browser', () => {
  it('hydrates the server HTML with no warning and no request; the element keeps its secret', async () => {
    const consoleCalls = captureConsole();
    const session = serverSession(2000);
    const endpoint = vi.fn(async () => makeCustomerSession({ components: ['pricing_table'] }));
    const container = document.createElement('div');
    container.innerHTML = serverHtml(session, endpoint);
    document.body.append(container);
    const serverTable = table();
    expect(serverTable?.getAttribute(SECRET_ATTR)).toBe(session.client_secret);

    const recorder = createSessionRecorder();
    const root = await act(async () => hydrateRoot(container, page(session, endpoint, new QueryClient(), <recorder.ContextProbe key="probe" />)));
    await settle();
    expect(consoleCalls.calls).toEqual([]);
    expect(endpoint).not.toHaveBeenCalled();
    expect(table()).toBe(serverTable);
    expect(recorder.states.every((s) => s.status === 'ready' && s.clientSecret === session.client_secret)).toBe(true);
    act(() => root.unmount());
  });

  it('is ready on the first client render too, and refreshes through the endpoint as usual', async () => {
    const session = serverSession(2000);
    const endpoint = batchingEndpoint();
    const recorder = createSessionRecorder();
    render(page(session, endpoint, new QueryClient(), <recorder.ContextProbe key="probe" />));
    expect(recorder.states[0]).toMatchObject({ status: 'ready', clientSecret: session.client_secret });
    await act(() => recorder.latest().refresh());
    await settle(); // the count below is final
    // The provider's session and the table's own, renewed together in one call.
    expect(endpoint).toHaveBeenCalledTimes(1);
    expect(endpoint.mock.calls[0]?.[0].sessions).toEqual([['pricing_table'], ['pricing_table']]);
    expect(recorder.latest().clientSecret).not.toBe(session.client_secret);
  });

  it('a sign-out drops it for good: the queries asked again never start from the server-rendered session', async () => {
    const session = serverSession(2000);
    const endpoint = batchingEndpoint();
    const queryClient = new QueryClient();
    const recorder = createSessionRecorder();
    render(page(session, endpoint, queryClient, <recorder.ContextProbe key="probe" />));
    expect(recorder.latest().clientSecret).toBe(session.client_secret);
    // The app signs the customer out: every session query goes, and its observers are re-pointed.
    const signedOut = recorder.states.length;
    act(() => queryClient.removeQueries());
    await flushUntil(() => recorder.latest().status === 'ready');
    expect(endpoint).toHaveBeenCalled();
    expect(recorder.states.slice(signedOut).map((state) => state.clientSecret)).not.toContain(session.client_secret);
    expect(table()?.getAttribute(SECRET_ATTR)).not.toBe(session.client_secret);
  });

  it.each([
    ['already expired by navigation start', 40 * minute],
    ['within the refresh margin by navigation start', 26 * minute],
  ])('%s: never shown, exactly one request, and the server-rendered element is replaced at once', async (_label, ago) => {
    const consoleCalls = captureConsole();
    const stale = serverSession(ago);
    const endpoint = batchingEndpoint();
    const container = document.createElement('div');
    container.innerHTML = serverHtml(stale, endpoint);
    document.body.append(container);
    expect(table()?.getAttribute(SECRET_ATTR)).toBe(stale.client_secret); // the server rendered it as given

    const recorder = createSessionRecorder();
    await act(async () => void hydrateRoot(container, page(stale, endpoint, new QueryClient(), <recorder.ContextProbe key="probe" />)));
    expect(document.body.innerHTML).not.toContain(stale.client_secret);
    await flushUntil(() => /^cuss_secret_/.test(table()?.getAttribute(SECRET_ATTR) ?? ''));
    await flushUntil(() => recorder.latest().status === 'ready');
    await settle(); // the count below is final
    // The provider's session and the table's own, both new, in one call.
    expect(endpoint).toHaveBeenCalledTimes(1);
    expect(endpoint.mock.calls[0]?.[0].sessions).toEqual([['pricing_table'], ['pricing_table']]);
    const [stateSession, tableSession] = (await endpoint.mock.results[0]?.value) as CustomerSession[];
    expect(recorder.latest().clientSecret).toBe(stateSession?.client_secret);
    expect(table()?.getAttribute(SECRET_ATTR)).toBe(tableSession?.client_secret);
    // Only the hydration render saw the server's state; every browser state left the stale secret out.
    expect(recorder.states.slice(1).every((s) => s.clientSecret !== stale.client_secret)).toBe(true);
    expect(consoleCalls.calls.filter((c) => c.level === 'error')).toEqual([]);
  });

  it.each([
    ['already expired by navigation start', 40 * minute],
    ['within the refresh margin by navigation start', 26 * minute],
  ])('%s: CustomerSessionElements hydrated over it never hands it to Stripe, and gets a fresh one in place', async (_label, ago) => {
    const stale = makeCustomerSession({ components: ['payment_element'], now: Date.now() - ago });
    navigationStartedAgo(ago + 200);
    const endpoint = batchingEndpoint();
    const checkout = (stripe: ReturnType<typeof createStripeStandIn> | null) => (
      <CustomerSessionProvider endpoint={endpoint} components={['payment_element']} initialSession={stale} stripe={stripe}>
        <CustomerSessionElements options={{ mode: 'payment', amount: 100, currency: 'usd' }} fallback={<p>loading</p>}>
          <p>checkout</p>
        </CustomerSessionElements>
      </CustomerSessionProvider>
    );
    const container = document.createElement('div');
    // Elements renders no markup of its own: the server HTML is its children.
    container.innerHTML = renderToString(checkout(null));
    document.body.append(container);
    expect(container.textContent).toBe('checkout');

    const stripe = createStripeStandIn();
    await act(async () => void hydrateRoot(container, checkout(stripe)));
    await flushUntil(() => /^cuss_secret_/.test(stripe.elementsOptions?.customerSessionClientSecret ?? ''));
    await settle(); // the counts below are final
    const handed = [...stripe.calls.elements, ...stripe.calls.update].map((options) => options?.customerSessionClientSecret);
    expect(handed).not.toContain(stale.client_secret);
    expect(stripe.calls.elements).toHaveLength(1);
    expect(endpoint).toHaveBeenCalledTimes(1);
  });

  it('a raw session without `components` (a current API version leaves it out) enables what the page requested, on the server and in the browser', async () => {
    const { components: _omitted, ...raw } = serverSession(2000);
    const session = raw as CustomerSession;
    const endpoint = vi.fn(async () => makeCustomerSession({ components: ['pricing_table'] }));
    expect(serverHtml(session, endpoint)).toContain(`${SECRET_ATTR}="${session.client_secret}"`);
    const recorder = createSessionRecorder();
    render(page(session, endpoint, new QueryClient(), <recorder.ContextProbe key="probe" />));
    expect(recorder.states[0]).toMatchObject({ status: 'ready', clientSecret: session.client_secret });
    expect(recorder.latest().isEnabled('pricing_table')).toBe(true);
    expect(recorder.latest().isEnabled('payment_element')).toBe(false);
    expect(table()?.getAttribute(SECRET_ATTR)).toBe(session.client_secret);
    expect(endpoint).not.toHaveBeenCalled();
  });

  it('a stale one rendered by the browser alone is never shown at all', async () => {
    const stale = serverSession(40 * minute);
    const endpoint = batchingEndpoint();
    const recorder = createSessionRecorder();
    const shown: Array<string | null> = [];
    const observer = new MutationObserver(() => shown.push(table()?.getAttribute(SECRET_ATTR) ?? null));
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    render(page(stale, endpoint, new QueryClient(), <recorder.ContextProbe key="probe" />));
    await flushUntil(() => recorder.latest().status === 'ready');
    await flushUntil(() => /^cuss_secret_/.test(table()?.getAttribute(SECRET_ATTR) ?? ''));
    observer.disconnect();
    expect(endpoint).toHaveBeenCalledTimes(1);
    expect(recorder.states.every((s) => s.clientSecret !== stale.client_secret)).toBe(true);
    expect(shown).not.toContain(stale.client_secret);
    expect(table()?.getAttribute(SECRET_ATTR)).not.toBe(recorder.latest().clientSecret);
  });

  it('gives CustomerSessionElements the initial secret on its first render: no fallback, no later update()', async () => {
    const session = makeCustomerSession({ components: ['payment_element'], now: Date.now() - 1000 });
    navigationStartedAgo(1200);
    const stripe = createStripeStandIn();
    const endpoint = vi.fn(async () => makeCustomerSession({ components: ['payment_element'] }));
    const seen: string[] = [];
    render(
      <CustomerSessionProvider endpoint={endpoint} components={['payment_element']} initialSession={session} stripe={stripe}>
        <CustomerSessionElements options={{ mode: 'payment', amount: 100, currency: 'usd' }} fallback={<p>loading</p>}>
          <Seen onRender={() => seen.push(document.body.textContent ?? '')} />
        </CustomerSessionElements>
      </CustomerSessionProvider>,
    );
    expect(document.body.textContent).not.toContain('loading');
    await settle();
    expect(stripe.calls.elements).toEqual([{ mode: 'payment', amount: 100, currency: 'usd', customerSessionClientSecret: session.client_secret }]);
    expect(stripe.calls.update).toEqual([]);
    expect(endpoint).not.toHaveBeenCalled();
    expect(seen.every((text) => !text.includes('loading'))).toBe(true);
  });
});

function Seen({ onRender }: { onRender: () => void }) {
  onRender();
  return null;
}
