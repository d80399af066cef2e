import { act, render } from '@testing-library/react';
import { http } from 'msw';
import { CustomerSessionProvider, PricingTable, useCustomerSessionContext } from '../../src/index';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock, settle } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';

// An element's own session goes when its provider's session stops enabling it, or is pending again
// (asked again after a drop): that is the provider's state, not a sign-out of its own. It is dropped
// quietly: no drop counted (which would discard the provider's answer and ask again), nothing
// announced to the other tabs or the page's other QueryClients.
const server = setupMswServer();
const clock = installFakeClock();
const SECRET_ATTR = 'customer-session-client-secret';
const table = () => document.querySelector('stripe-pricing-table');

beforeAll(() => {
  if (!customElements.get('stripe-pricing-table')) customElements.define('stripe-pricing-table', class extends HTMLElement {});
});

/** What each request asked for, in order: `[]` for the provider's whole policy, a list for each element. */
const asked = (endpoint: ReturnType<typeof createSessionEndpoint>) =>
  endpoint.requests.flatMap(({ body }) => {
    const { components, sessions } = body as { components?: string[]; sessions?: string[][] };
    return (sessions ?? [components ?? []]).map(String);
  });

it('a bfcache restore under a provider that does not declare the element: one re-ask each, nothing announced', async () => {
  const endpoint = createSessionEndpoint();
  server.use(endpoint.handler);
  // No `components`: the provider asks for the whole policy; the table's own session is asked once the provider's enables it.
  render(
    <CustomerSessionProvider endpoint={endpoint.url} publishableKey="pk_test">
      <PricingTable pricingTableId="prctbl_1" loading="eager" />
    </CustomerSessionProvider>,
  );
  await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true);
  expect(asked(endpoint)).toEqual(['', 'pricing_table']);
  const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');

  act(() => void window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
  await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true);
  await settle();
  expect(asked(endpoint)).toEqual(['', 'pricing_table', '', 'pricing_table']);
  expect(posted).not.toHaveBeenCalled();
  await clock.advance(1000);
});

/**
 * An endpoint that answers the provider's sessions and refuses every `pricing_table` session with a 401
 * (which says: nobody signed in). Each test its own URL: what the page learnt of an endpoint's refusals
 * lasts as long as the page. A loop would spin in zero fake time: past 20 refusals nothing is answered,
 * so a test's counts fail fast.
 */
function refusingOneProduct(url: string) {
  const endpoint = createSessionEndpoint({ url });
  const refused = { count: 0 };
  server.use(
    http.post(endpoint.url, async ({ request }) => {
      if (!JSON.stringify(await request.clone().json()).includes('pricing_table')) return undefined;
      if (++refused.count > 20) return new Promise<never>(() => {});
      return Response.json({ error: { type: 'invalid_request_error', message: 'Not signed in' } }, { status: 401 });
    }),
    endpoint.handler,
  );
  return { endpoint, refused };
}

it("an endpoint that refuses one element's session with a 401 while answering the provider's does not loop", async () => {
  const { endpoint, refused } = refusingOneProduct('/api/refusing-one-product');
  render(
    <CustomerSessionProvider endpoint={endpoint.url} publishableKey="pk_test">
      <PricingTable pricingTableId="prctbl_1" loading="eager" />
    </CustomerSessionProvider>,
  );
  await flushUntil(() => refused.count >= 1);
  await clock.advance(60 * 60_000);
  // The first refusal drops the provider's session, which is asked again; the element then stays a guest.
  expect(refused.count).toBe(2);
  // The provider's: its first, its re-ask after the drop, its refreshes at 25 and 50 minutes.
  expect(endpoint.requests).toHaveLength(4);
  expect(table()?.getAttribute(SECRET_ATTR) ?? null).toBeNull();
});

/** A table shown only while the provider's session is ready: each time it is, a new mount (a new session key). */
function TableWhenReady() {
  const { status } = useCustomerSessionContext();
  return status === 'ready' ? <PricingTable pricingTableId="prctbl_1" loading="eager" /> : <p>Loading plans</p>;
}

it("the same, for an element mounted anew each time its provider's session is ready", async () => {
  const { endpoint, refused } = refusingOneProduct('/api/refusing-one-product-again');
  render(
    <CustomerSessionProvider endpoint={endpoint.url} publishableKey="pk_test">
      <TableWhenReady />
    </CustomerSessionProvider>,
  );
  await flushUntil(() => refused.count >= 1);
  await clock.advance(60 * 60_000);
  // The first refusal drops the page once; later ones (a new mount each time this app shows the table
  // again, after each refresh) drop nothing: the provider's requests are its first, its re-ask after the
  // drop, and its refreshes at 25 and 50 minutes.
  expect(refused.count).toBeLessThanOrEqual(4);
  expect(endpoint.requests).toHaveLength(4);
});

