import { act, render } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ComponentName } from '../../src/core/componentNames';
import { useCustomerSession } from '../../src/react/useCustomerSession';
import { PricingTable } from '../../src/react/webComponents';
import { createStripeStandIn } from '../../src/testing/createStripeStandIn';
import { flushUntil } from '../helpers/advanceUntil';
import { providerTree, renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint, type Responder } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';
import { button, expectSecretGone, MINUTE, SECRET_ATTR, setupStorefrontSuite, Storefront, table } from './support/storefrontSuite';

// Issue 18, item 1: a 401 or 403 from the endpoint means nobody is signed in. The shown secret goes at
// once, exactly as on sign-out; a 5xx, a 429 or a network failure is no sign-out.
const { server, clock } = setupStorefrontSuite();

const stripeError = (status: number, type: string, message: string): Responder => () => Response.json({ error: { type, message } }, { status });
const notSignedIn = (status: number) => stripeError(status, status === 401 ? 'invalid_request_error' : 'invalid_request_error', 'Not signed in');

function openStorefront() {
  const endpoint = createSessionEndpoint();
  server.use(endpoint.handler);
  const stripe = createStripeStandIn();
  const recorder = createSessionRecorder();
  const view = renderWithProvider(
    <>
      <Storefront />
      <recorder.ContextProbe />
    </>,
    { components: ['payment_element', 'pricing_table', 'buy_button'], stripe, publishableKey: 'pk_test_provider' },
  );
  const shown = () => table()?.hasAttribute(SECRET_ATTR) === true && stripe.calls.elements.length > 0;
  return { endpoint, stripe, recorder, view, shown };
}

describe('a 401 or 403 from the endpoint drops the shown secret at once', () => {
  it.each([401, 403])('HTTP %i on the refresh: components re-created without the customer, Elements remounted once, the hook’s secret null', async (status) => {
    const { endpoint, stripe, recorder, shown } = openStorefront();
    await flushUntil(shown);
    const first = table()?.getAttribute(SECRET_ATTR);
    const firstTable = table();
    // The refresh is refused; so is the request the drop makes for the next visitor.
    endpoint.queue(notSignedIn(status), notSignedIn(status));
    await clock.advance(25 * MINUTE);
    await flushUntil(() => stripe.calls.elements.length > 1 && recorder.latest().status === 'error');
    expectSecretGone(stripe, first);
    expect(table()).not.toBe(firstTable);
    expect(stripe.calls.elements).toHaveLength(2);
    expect(stripe.calls.elements[1]).not.toHaveProperty('customerSessionClientSecret');
    expect(recorder.latest()).toMatchObject({ status: 'error', clientSecret: null, session: null, error: { kind: 'http', status } });
    // The refusal was never rendered beside the old secret (TanStack keeps data on error; the drop comes first).
    expect(recorder.states.some((state) => state.status === 'error' && state.clientSecret !== null)).toBe(false);
    // The drop asks once for the next visitor; a second refusal leaves nothing to drop: no loop.
    await clock.advance(60 * MINUTE);
    expect(endpoint.requests).toHaveLength(3);
    expect(stripe.calls.elements).toHaveLength(2);
  });

  it("a 401 on an element's own refresh drops the provider's session and every element's too", async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const stripe = createStripeStandIn();
    const recorder = createSessionRecorder();
    const props = { components: ['payment_element', 'pricing_table'] as ComponentName[], stripe, publishableKey: 'pk_test_provider' };
    const view = renderWithProvider(<recorder.ContextProbe />, props);
    await flushUntil(() => recorder.latest().status === 'ready');
    // The pricing table mounts 10 minutes later: its own session refreshes 10 minutes after the provider's.
    await clock.advance(10 * MINUTE);
    const withTable = (
      <>
        <recorder.ContextProbe />
        <PricingTable pricingTableId="prctbl_late" />
      </>
    );
    view.rerender(providerTree(withTable, props));
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true);
    const first = table()?.getAttribute(SECRET_ATTR);
    await clock.advance(15 * MINUTE); // the provider's refresh: fine
    await flushUntil(() => recorder.latest().status === 'ready' && endpoint.requests.length === 3);
    expect(table()?.getAttribute(SECRET_ATTR)).toBe(first);
    endpoint.queue(notSignedIn(401), notSignedIn(401));
    await clock.advance(10 * MINUTE); // the table's own refresh: 401
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === false && recorder.latest().status === 'error');
    expect(document.body.innerHTML).not.toContain(first);
    expect(recorder.latest().clientSecret).toBeNull();
  });

  it('the standalone hook (no provider) loses its secret on a 401', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const states: (string | null)[] = [];
    function Probe() {
      const { clientSecret } = useCustomerSession({ endpoint: endpoint.url, components: ['pricing_table'] });
      states.push(clientSecret);
      return null;
    }
    render(<Probe />);
    await flushUntil(() => states.at(-1) != null);
    endpoint.queue(notSignedIn(401), notSignedIn(401));
    await clock.advance(25 * MINUTE);
    await flushUntil(() => endpoint.requests.length === 3);
    await clock.advance(0);
    expect(states.at(-1)).toBeNull();
  });

  it('after the drop, a session from the endpoint (signed in again) is shown the usual way', async () => {
    const { endpoint, stripe, recorder, shown } = openStorefront();
    await flushUntil(shown);
    const first = table()?.getAttribute(SECRET_ATTR);
    endpoint.queue(notSignedIn(401));
    await clock.advance(25 * MINUTE);
    await flushUntil(() => endpoint.requests.length === 3 && recorder.latest().status === 'ready' && shown());
    const second = table()?.getAttribute(SECRET_ATTR);
    expect(second).toMatch(/^cuss_secret_/);
    expect(second).not.toBe(first);
    expect(button()?.getAttribute(SECRET_ATTR)).toMatch(/^cuss_secret_/);
    // Remounted once without the old secret, then given a new one through elements.update().
    expect(stripe.calls.elements).toHaveLength(2);
    expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: expect.stringMatching(/^cuss_secret_/) }]);
    expect(stripe.calls.update[0]?.customerSessionClientSecret).not.toBe(stripe.calls.elements[0]?.customerSessionClientSecret);
  });

  it('a first answer of 401 (a signed-out visitor) is one request: anonymous components, no loop', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    endpoint.queue(notSignedIn(401));
    const stripe = createStripeStandIn();
    renderWithProvider(<Storefront />, { components: ['payment_element', 'pricing_table'], stripe, publishableKey: 'pk_test_provider' });
    await flushUntil(() => stripe.calls.elements.length > 0 && table() !== null);
    await clock.advance(60 * MINUTE);
    expect(endpoint.requests).toHaveLength(1);
    expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(stripe.calls.elements).toHaveLength(1);
  });
});

describe('a 5xx, a 429 or a network failure is no sign-out: the shown secret stays while valid', () => {
  const failures: [string, Responder][] = [
    ['HTTP 500', stripeError(500, 'api_error', 'Down')],
    ['HTTP 503', stripeError(503, 'api_error', 'Down')],
    ['HTTP 429', () => Response.json({ error: { type: 'rate_limit_error', message: 'Slow down' } }, { status: 429, headers: { 'Retry-After': '1' } })],
    ['a network error', () => Response.error()],
  ];
  it.each(failures)('%s on every refresh attempt', async (_label, failure) => {
    const { endpoint, stripe, recorder, shown } = openStorefront();
    await flushUntil(shown);
    const first = table()?.getAttribute(SECRET_ATTR);
    const firstTable = table();
    const shownToElements = stripe.elementsOptions?.customerSessionClientSecret;
    // From now on every request fails this way (each session retries on its own schedule).
    let failed = 0;
    server.use(http.post(endpoint.url, ({ request }) => (failed++, failure(request))));
    await clock.advance(25 * MINUTE);
    await clock.advance(10_000); // the retries: 1 s, 2 s, 4 s (or Retry-After)
    await flushUntil(() => recorder.latest().status === 'error');
    expect(failed).toBeGreaterThanOrEqual(4);
    expect(recorder.latest().clientSecret).not.toBeNull();
    expect(table()).toBe(firstTable);
    expect(table()?.getAttribute(SECRET_ATTR)).toBe(first);
    expect(stripe.calls.elements).toHaveLength(1);
    expect(stripe.elementsOptions).toHaveProperty('customerSessionClientSecret', shownToElements);
  });
});

describe('a bfcache restore (pageshow, persisted) asks the endpoint before showing the customer again', () => {
  const restore = () => act(() => void window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));

  it('drops the shown secret at once, asks, and shows the session the endpoint answers', async () => {
    const { endpoint, stripe, recorder, shown } = openStorefront();
    await flushUntil(shown);
    const first = table()?.getAttribute(SECRET_ATTR);
    await clock.advance(MINUTE); // fresh: a plain wake-up would ask nothing
    const answer = endpoint.hold();
    restore();
    await flushUntil(() => stripe.calls.elements.length > 1 && endpoint.requests.length === 2);
    expectSecretGone(stripe, first);
    expect(recorder.latest().clientSecret).toBeNull();
    answer.resolve();
    await flushUntil(() => recorder.latest().status === 'ready' && shown());
    expect(table()?.getAttribute(SECRET_ATTR)).not.toBe(first);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('a 401 to that request keeps the customer dropped', async () => {
    const { endpoint, stripe, recorder, shown } = openStorefront();
    await flushUntil(shown);
    const first = table()?.getAttribute(SECRET_ATTR);
    endpoint.queue(notSignedIn(401));
    restore();
    await flushUntil(() => recorder.latest().status === 'error');
    await clock.advance(60 * MINUTE);
    expectSecretGone(stripe, first);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('a first pageshow (not from the cache) drops nothing', async () => {
    const { endpoint, stripe, shown } = openStorefront();
    await flushUntil(shown);
    const firstTable = table();
    act(() => void window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false })));
    await clock.advance(0);
    expect(table()).toBe(firstTable);
    expect(stripe.calls.elements).toHaveLength(1);
    expect(endpoint.requests).toHaveLength(1);
  });
});
