import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { everyElementHasASecret, expectNoBadSecrets, expectOwnSecrets } from './support/expectations';
import { createFaultEndpoint } from './support/faultEndpoint';
import { renderFaultPage } from './support/faultPage';
import { setupFaultSuite } from './support/setupFaultSuite';

const server = setupMswServer();
const clock = installFakeClock();
const minute = 60_000;
const suite = setupFaultSuite({ silenceWarnings: true });

afterEach(() => {
  Reflect.deleteProperty(performance, 'timeOrigin');
});

/** Sessions the server created for this page while rendering it: the navigation started just before. */
async function serverRenderedSessions(endpoint: ReturnType<typeof createFaultEndpoint>, count = 1) {
  Object.defineProperty(performance, 'timeOrigin', { configurable: true, value: Date.now() - 200 });
  return Promise.all(Array.from({ length: count }, () => endpoint.createSession()));
}

const table = () => document.querySelector('stripe-pricing-table')?.getAttribute('customer-session-client-secret');

describe('fault: initial (server-rendered) sessions', () => {
  it('a valid initialSession reaches the state readers and the first element at once; the other elements ask in one request; refreshes go through the endpoint', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const [initialSession] = await serverRenderedSessions(endpoint);
    const page = renderFaultPage(suite.ledger, endpoint.url, { initialSession });
    expect(page.record.states[0]).toMatchObject({ status: 'ready', clientSecret: initialSession!.client_secret });
    await flushUntil(() => page.stripe.calls.elements.length > 0 && everyElementHasASecret(suite.ledger));
    // The first element it enables in render order (the useComponentSecret probe) renders it; the rest are new.
    expect(suite.ledger.secretsSeen('useComponentSecret(pricing_table)')).toEqual([initialSession!.client_secret]);
    expect(endpoint.requests.map((r) => r.body)).toEqual([{ sessions: [['payment_element'], ['pricing_table'], ['buy_button']] }]);
    expectOwnSecrets(suite.ledger, initialSession!.client_secret, { initialSessionElement: 'useComponentSecret(pricing_table)' });

    const firstTable = table();
    await clock.advance(25 * minute);
    await flushUntil(() => page.record.latest().status === 'ready' && page.record.latest().clientSecret !== initialSession!.client_secret);
    // Every session (the state's and each element's) refreshed once, none twice.
    expect(endpoint.sessionsAsked()).toHaveLength(3 + 5);
    await clock.advance(4 * minute); // the web components re-create with their new secrets at the end of their window
    expect(table()).not.toBe(firstTable);
    expectOwnSecrets(suite.ledger, page.record.latest().clientSecret, { initialSessionElement: 'useComponentSecret(pricing_table)' });
    expectNoBadSecrets(suite.ledger);
  });

  it('initialSessions, one per element, beside the initialSession: every element is ready at once with its own, and the page makes zero requests', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const [initialSession, ...initialSessions] = await serverRenderedSessions(endpoint, 5);
    const page = renderFaultPage(suite.ledger, endpoint.url, { initialSession, initialSessions });
    expect(page.record.states[0]).toMatchObject({ status: 'ready', clientSecret: initialSession!.client_secret });
    await flushUntil(() => page.stripe.calls.elements.length > 0 && everyElementHasASecret(suite.ledger));
    await clock.advance(1000);
    expect(endpoint.requests).toHaveLength(0);
    // Taken in render order: the probe, the Payment Element, the pricing table, the buy button.
    const [probe, payment, pricing, buy] = initialSessions.map((s) => s.client_secret);
    expect(suite.ledger.secretsSeen('useComponentSecret(pricing_table)')).toEqual([probe]);
    expect(page.stripe.calls.elements).toEqual([expect.objectContaining({ customerSessionClientSecret: payment })]);
    expect(suite.ledger.secretsSeen('stripe-pricing-table')).toEqual([pricing]);
    expect(suite.ledger.secretsSeen('stripe-buy-button')).toEqual([buy]);
    expectOwnSecrets(suite.ledger, initialSession!.client_secret);
    expectNoBadSecrets(suite.ledger);
  });

  it('one due for a refresh by navigation start is never shown: one request for every session, and every element gets its own fresh secret', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const [initialSession] = await serverRenderedSessions(endpoint);
    await clock.advance(26 * minute); // the page was served (or restored) late
    const page = renderFaultPage(suite.ledger, endpoint.url, { initialSession });
    await flushUntil(() => page.record.latest().status === 'ready' && page.stripe.calls.elements.length > 0 && everyElementHasASecret(suite.ledger));
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.sessionsAsked()).toHaveLength(5);
    expect(suite.ledger.secretsSeen()).not.toContain(initialSession!.client_secret);
    expectOwnSecrets(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });
});
