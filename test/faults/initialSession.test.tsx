import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { expectEveryReceiverGot, expectNoBadSecrets } from './support/expectations';
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

/** A session the server created for this page while rendering it: the navigation started just before. */
async function serverRenderedSession(endpoint: ReturnType<typeof createFaultEndpoint>) {
  Object.defineProperty(performance, 'timeOrigin', { configurable: true, value: Date.now() - 200 });
  return endpoint.createSession();
}

describe('fault: initial (server-rendered) sessions', () => {
  it('a valid one reaches every receiver at once with no request; the refresh before expiry goes through the endpoint', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const initialSession = await serverRenderedSession(endpoint);
    const page = renderFaultPage(suite.ledger, endpoint.url, { initialSession });
    expect(page.record.states[0]).toMatchObject({ status: 'ready', clientSecret: initialSession.client_secret });
    await flushUntil(() => page.stripe.calls.elements.length > 0);
    expectEveryReceiverGot(suite.ledger, initialSession.client_secret);
    expect(endpoint.requests).toHaveLength(0);

    await clock.advance(25 * minute);
    await flushUntil(() => endpoint.requests.length === 1 && page.record.latest().status === 'ready');
    expect(page.record.latest().clientSecret).not.toBe(initialSession.client_secret);
    await clock.advance(4 * minute); // the web components re-create with it at the end of their window
    expectEveryReceiverGot(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });

  it('one due for a refresh by navigation start is never shown: one request, and every receiver gets the fresh secret', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const initialSession = await serverRenderedSession(endpoint);
    await clock.advance(26 * minute); // the page was served (or restored) late
    const page = renderFaultPage(suite.ledger, endpoint.url, { initialSession });
    await flushUntil(() => page.record.latest().status === 'ready' && page.stripe.calls.elements.length > 0);
    expect(endpoint.requests).toHaveLength(1);
    expect(suite.ledger.secretsSeen()).not.toContain(initialSession.client_secret);
    expectEveryReceiverGot(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });
});
