import { act, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { BuyButton, CustomerSessionProvider, PricingTable, type ComponentName, type CustomerSession } from '../../src/index';
import type { CustomerSessionEndpointContext } from '../../src/core/fetch';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { flushUntil } from '../helpers/advanceUntil';
import { captureConsole } from '../helpers/captureConsole';
import { installFakeClock, settle } from '../helpers/fakeClock';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const SECRET_ATTR = 'customer-session-client-secret';
const components: ComponentName[] = ['pricing_table', 'buy_button'];
/** The secret each web component on the page renders, in document order (`null`: none). */
const rendered = () => [...document.querySelectorAll('stripe-pricing-table, stripe-buy-button')].map((el) => el.getAttribute(SECRET_ATTR));

installFakeClock();

// Like Stripe's, these keep their light DOM empty, so hydration finds exactly the server's markup.
beforeAll(() => {
  for (const tag of ['stripe-pricing-table', 'stripe-buy-button']) customElements.define(tag, class extends HTMLElement {});
});
afterEach(() => {
  Reflect.deleteProperty(performance, 'timeOrigin');
  document.body.innerHTML = '';
});

/** Sessions the server created while rendering the page: the navigation started just before. */
function serverSessions(...lists: ComponentName[][]): CustomerSession[] {
  Object.defineProperty(performance, 'timeOrigin', { configurable: true, value: Date.now() - 1200 });
  return lists.map((list) => makeCustomerSession({ components: list, now: Date.now() - 1000 }));
}

/** A function endpoint that answers a batch with an array: new sessions, recorded. */
function endpointMock() {
  return vi.fn(async ({ components: asked, sessions }: CustomerSessionEndpointContext): Promise<CustomerSession | CustomerSession[]> =>
    sessions ? sessions.map((list) => makeCustomerSession({ components: list })) : makeCustomerSession({ components: asked }),
  );
}

interface PageProps {
  endpoint: ReturnType<typeof endpointMock>;
  initialSession: CustomerSession;
  initialSessions: CustomerSession[];
  queryClient: QueryClient;
  buyButtons?: number;
  /** The pricing table's `key`: a new one is a new mount. */
  tableKey?: string;
  children?: ReactNode;
}

/** A pricing table and `buyButtons` buy buttons (default two) under a provider with server-rendered sessions. */
function page({ endpoint, initialSession, initialSessions, queryClient, buyButtons = 2, tableKey = 'table', children }: PageProps) {
  return (
    <CustomerSessionProvider endpoint={endpoint} components={components} initialSession={initialSession} initialSessions={initialSessions} publishableKey="pk_test_ssr" queryClient={queryClient}>
      <PricingTable key={tableKey} pricingTableId="prctbl_ssr" />
      {Array.from({ length: buyButtons }, (_, i) => (
        <BuyButton key={i} buyButtonId={`buy_btn_${i}`} />
      ))}
      {children}
    </CustomerSessionProvider>
  );
}

/** The page's server HTML, in the container the browser hydrates. */
function serve(props: Omit<PageProps, 'queryClient'>): HTMLElement {
  const server = createSessionRecorder();
  const container = document.createElement('div');
  container.innerHTML = renderToString(page({ ...props, queryClient: new QueryClient(), children: <server.ContextProbe /> }));
  document.body.append(container);
  return container;
}

describe('initialSessions: one server-rendered session per element', () => {
  it("renders each element's own secret in the server HTML and hydrates it with no warning and zero endpoint requests", async () => {
    const consoleCalls = captureConsole();
    const [initialSession, pricing, buyFirst, buySecond] = serverSessions(components, ['pricing_table'], ['buy_button'], ['buy_button']);
    // Not in render order: each element takes the first unused one that enables its component.
    const initialSessions = [buyFirst!, buySecond!, pricing!];
    const endpoint = endpointMock();
    const container = serve({ endpoint, initialSession: initialSession!, initialSessions });
    const secrets = [pricing, buyFirst, buySecond].map((s) => s!.client_secret);
    expect(rendered()).toEqual(secrets);
    expect(container.innerHTML).not.toContain(initialSession!.client_secret);
    const serverElements = [...container.querySelectorAll('stripe-pricing-table, stripe-buy-button')];

    const recorder = createSessionRecorder();
    // StrictMode: its double render and double mount take no second session.
    const root = await act(async () =>
      hydrateRoot(container, <StrictMode>{page({ endpoint, initialSession: initialSession!, initialSessions, queryClient: new QueryClient(), children: <recorder.ContextProbe /> })}</StrictMode>),
    );
    await settle();
    expect(consoleCalls.calls).toEqual([]);
    expect(endpoint).not.toHaveBeenCalled();
    expect(rendered()).toEqual(secrets);
    expect([...container.querySelectorAll('stripe-pricing-table, stripe-buy-button')]).toEqual(serverElements);
    // The state readers get the provider's own session, which no element renders.
    expect(recorder.states.every((s) => s.status === 'ready' && s.clientSecret === initialSession!.client_secret)).toBe(true);
    act(() => root.unmount());
  });

  it('passes over a server session that is not a Customer Session: the element takes the next one that enables its component', () => {
    const [initialSession, broken, pricing, buyFirst, buySecond] = serverSessions(components, ['pricing_table'], ['pricing_table'], ['buy_button'], ['buy_button']);
    // `expires_at` in milliseconds: read like an endpoint's answer, it is no session at all.
    const initialSessions = [{ ...broken!, expires_at: broken!.expires_at * 1000 }, pricing!, buyFirst!, buySecond!];
    serve({ endpoint: endpointMock(), initialSession: initialSession!, initialSessions });
    expect(rendered()).toEqual([pricing, buyFirst, buySecond].map((s) => s!.client_secret));
  });

  it('an element beyond the given sessions asks the endpoint for its own, alone', async () => {
    const consoleCalls = captureConsole();
    const [initialSession, pricing, buyFirst] = serverSessions(components, ['pricing_table'], ['buy_button']);
    const endpoint = endpointMock();
    const props = { endpoint, initialSession: initialSession!, initialSessions: [pricing!, buyFirst!], buyButtons: 2 };
    const container = serve(props);
    // The server has no session for the second buy button: it waits (no anonymous flash).
    expect(rendered()).toEqual([pricing!.client_secret, buyFirst!.client_secret]);

    const root = await act(async () => hydrateRoot(container, page({ ...props, queryClient: new QueryClient() })));
    await flushUntil(() => rendered().length === 3);
    await settle(); // the count below is final
    expect(endpoint).toHaveBeenCalledTimes(1);
    expect(endpoint.mock.calls[0]?.[0]).toMatchObject({ components: ['buy_button'] });
    expect(endpoint.mock.calls[0]?.[0].sessions).toBeUndefined();
    const asked = (await endpoint.mock.results[0]?.value) as CustomerSession;
    expect(rendered()).toEqual([pricing!.client_secret, buyFirst!.client_secret, asked.client_secret]);
    expect(consoleCalls.calls.filter((c) => c.level === 'error')).toEqual([]);
    act(() => root.unmount());
  });

  it('a remounted element does not reuse its initial session: it asks the endpoint for a new one', async () => {
    const [initialSession, pricing, buyFirst] = serverSessions(components, ['pricing_table'], ['buy_button']);
    const endpoint = endpointMock();
    const props = { endpoint, initialSession: initialSession!, initialSessions: [pricing!, buyFirst!], queryClient: new QueryClient(), buyButtons: 1 };
    const view = render(page(props));
    expect(rendered()).toEqual([pricing!.client_secret, buyFirst!.client_secret]);
    await settle();
    expect(endpoint).not.toHaveBeenCalled();

    view.rerender(page({ ...props, buyButtons: 0 })); // hidden…
    view.rerender(page({ ...props, buyButtons: 1 })); // …and shown again: a new mount
    await flushUntil(() => /^cuss_secret_/.test(rendered()[1] ?? ''));
    expect(endpoint).toHaveBeenCalledTimes(1);
    expect(endpoint.mock.calls[0]?.[0]).toMatchObject({ components: ['buy_button'] });
    const fresh = (await endpoint.mock.results[0]?.value) as CustomerSession;
    expect(rendered()).toEqual([pricing!.client_secret, fresh.client_secret]);
    expect(fresh.client_secret).not.toBe(buyFirst!.client_secret);
  });

  it('after hydration, a key change on a server-rendered element is a new mount: it asks for a new session, the others keep theirs', async () => {
    const consoleCalls = captureConsole();
    const [initialSession, pricing, buyFirst] = serverSessions(components, ['pricing_table'], ['buy_button']);
    const endpoint = endpointMock();
    const props = { endpoint, initialSession: initialSession!, initialSessions: [pricing!, buyFirst!], buyButtons: 1 };
    const container = serve(props);
    const queryClient = new QueryClient();
    const root = await act(async () => hydrateRoot(container, page({ ...props, queryClient })));
    await settle();
    expect(endpoint).not.toHaveBeenCalled();
    const button = container.querySelector('stripe-buy-button');

    await act(async () => root.render(page({ ...props, queryClient, tableKey: 'remounted' })));
    await flushUntil(() => /^cuss_secret_/.test(rendered()[0] ?? ''));
    expect(endpoint).toHaveBeenCalledTimes(1);
    expect(endpoint.mock.calls[0]?.[0]).toMatchObject({ components: ['pricing_table'] });
    const fresh = (await endpoint.mock.results[0]?.value) as CustomerSession;
    expect(rendered()).toEqual([fresh.client_secret, buyFirst!.client_secret]);
    expect(container.querySelector('stripe-buy-button')).toBe(button);
    expect(consoleCalls.calls.filter((c) => c.level === 'error')).toEqual([]);
    act(() => root.unmount());
  });
});
