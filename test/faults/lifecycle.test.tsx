import { act, render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { customerSessionQueryKeyPrefix } from '../../src/react/query';
import { StrictMode } from 'react';
import { flushUntil } from '../helpers/advanceUntil';
import { captureConsole } from '../helpers/captureConsole';
import { installFakeClock, pastLifecycleMacrotask, settle } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { everyElementHasASecret, expectNoBadSecrets, expectOwnSecrets } from './support/expectations';
import { createFaultEndpoint } from './support/faultEndpoint';
import { faultProvider, renderFaultPage } from './support/faultPage';
import { setupFaultSuite } from './support/setupFaultSuite';

const server = setupMswServer();
installFakeClock();

const suite = setupFaultSuite();

/** Counts the wake-up listeners (focus, online, visibilitychange) attached to window and document right now. */
function trackWakeListeners(): () => number {
  const live = new Set<string>();
  const ids = new WeakMap<object, number>();
  let next = 0;
  const key = (target: string, type: string, listener: unknown) => {
    if (typeof listener !== 'function' && (typeof listener !== 'object' || listener === null)) return `${target}:${type}:?`;
    if (!ids.has(listener)) ids.set(listener, next++);
    return `${target}:${type}:${ids.get(listener)}`;
  };
  for (const [name, target] of [['window', window], ['document', document]] as const) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    vi.spyOn(target, 'addEventListener').mockImplementation((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
      if (['focus', 'online', 'visibilitychange'].includes(type)) live.add(key(name, type, listener));
      add(type, listener, options);
    });
    vi.spyOn(target, 'removeEventListener').mockImplementation((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) => {
      live.delete(key(name, type, listener));
      remove(type, listener, options);
    });
  }
  return () => live.size;
}

const errorsAndWarnings = (calls: ReturnType<typeof captureConsole>['calls']) => calls.filter((c) => c.level === 'error' || c.level === 'warn');

describe('fault: StrictMode', () => {
  it('one request for the five sessions, never aborted; each element its own valid secret; a refetch rotates the Payment Element in place and re-creates the pricing table; no warnings', async () => {
    const consoleCalls = captureConsole();
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const client = new QueryClient();
    const page = renderFaultPage(suite.ledger, endpoint.url, { strict: true, appQueryClient: client });
    await flushUntil(() => page.record.latest().status === 'ready' && everyElementHasASecret(suite.ledger));
    await settle();
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.sessionsAsked()).toHaveLength(5); // the double mount spends no extra session
    expect(endpoint.requests[0]?.signal.aborted).toBe(false);
    const first = page.record.latest().clientSecret;
    expectOwnSecrets(suite.ledger, first);
    const tables = document.querySelectorAll('stripe-pricing-table');
    expect(tables).toHaveLength(1);
    const createdPaymentElements = page.stripe.calls.create.length;
    const paymentSecret = page.stripe.calls.elements[0]?.customerSessionClientSecret;

    // Every session refetched at once (as at a shared refresh moment): one request.
    await act(() => client.refetchQueries({ queryKey: [customerSessionQueryKeyPrefix] }));
    await flushUntil(() => page.stripe.calls.update.length > 0);
    const second = page.record.latest().clientSecret;
    expect(second).not.toBe(first);
    expect(endpoint.requests).toHaveLength(2);
    expect(endpoint.sessionsAsked()).toHaveLength(10);
    const rotated = page.stripe.calls.update.at(-1)?.customerSessionClientSecret;
    expect(rotated).toMatch(/^cuss_secret_/);
    expect(rotated).not.toBe(paymentSecret);
    expect(page.stripe.calls.create).toHaveLength(createdPaymentElements); // rotated in place, not remounted
    // The pricing table follows its own session: re-created once, with the refetched secret (StrictMode's double render included).
    await flushUntil(() => document.querySelector('stripe-pricing-table') !== tables[0]);
    expect(document.querySelectorAll('stripe-pricing-table')).toHaveLength(1);
    expectOwnSecrets(suite.ledger, second);

    page.unmount();
    await settle();
    expect(errorsAndWarnings(consoleCalls.calls)).toEqual([]);
    expectNoBadSecrets(suite.ledger);
  });
});

describe('fault: rapid mount/unmount 100×', () => {
  it('each unmount aborts its in-flight request; nothing updates after unmount; listeners are released; the last mount gets its own valid secrets', async () => {
    const consoleCalls = captureConsole();
    const liveListeners = trackWakeListeners();
    const before = liveListeners();
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const holds = Array.from({ length: 100 }, () => endpoint.hold());
    const records = [];
    for (let i = 0; i < 100; i++) {
      const page = renderFaultPage(suite.ledger, endpoint.url);
      records.push(page.record);
      // The provider's session and the four elements', in one request.
      await flushUntil(() => endpoint.requests.length === i + 1);
      page.unmount();
      await pastLifecycleMacrotask(); // past the grace period that StrictMode's remount relies on
    }
    expect(endpoint.requests.filter((r) => !r.signal.aborted)).toHaveLength(0);
    expect(endpoint.sessionsAsked()).toHaveLength(500);
    const rendered = records.map((r) => r.states.length);
    holds.forEach((hold) => hold.resolve()); // the aborted requests now get answers nobody reads
    await settle();
    expect(records.map((r) => r.states.length)).toEqual(rendered);
    expect(liveListeners()).toBe(before);

    const last = renderFaultPage(suite.ledger, endpoint.url);
    await flushUntil(() => last.record.latest().status === 'ready' && everyElementHasASecret(suite.ledger));
    expect(endpoint.requests).toHaveLength(101);
    expect(liveListeners()).toBeGreaterThan(before); // the tracker does see the mounted page's listeners
    // Only the last page's five sessions were ever seen, each by its own receiver.
    expect(suite.ledger.secretsSeen()).toHaveLength(5);
    expectOwnSecrets(suite.ledger, last.record.latest().clientSecret);
    last.unmount();
    await settle();
    expect(liveListeners()).toBe(before);
    expect(errorsAndWarnings(consoleCalls.calls)).toEqual([]);
    expectNoBadSecrets(suite.ledger);
  }, 30_000);

  it('100 cycles within one task under the app QueryClient and StrictMode: one request for the last page, never aborted; unmounted elements spend no session', async () => {
    const consoleCalls = captureConsole();
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const client = new QueryClient();
    const tree = () => {
      const { element, record } = faultProvider(suite.ledger, endpoint.url);
      return {
        ui: (
          <StrictMode>
            <QueryClientProvider client={client}>{element}</QueryClientProvider>
          </StrictMode>
        ),
        record,
      };
    };
    for (let i = 0; i < 100; i++) render(tree().ui).unmount();
    const last = tree();
    render(last.ui);
    await flushUntil(() => last.record.latest().status === 'ready' && everyElementHasASecret(suite.ledger));
    await settle();
    // The provider's session is shared by every cycle; the elements of the 100 pages unmounted in
    // the same task were never shown, so they must cost no Stripe session.
    expect(suite.ledger.issuedCount()).toBe(5);
    // The provider's session, shared by every cycle, may leave before the last page mounts (the test
    // renderer runs microtasks between renders); the last page's elements then follow in one request.
    expect(endpoint.requests.length).toBeLessThanOrEqual(2);
    expect(endpoint.requests.at(-1)?.body).toEqual({ sessions: expect.any(Array) });
    expect(endpoint.requests.some((request) => request.signal.aborted)).toBe(false);
    expectOwnSecrets(suite.ledger, last.record.latest().clientSecret);
    expect(errorsAndWarnings(consoleCalls.calls)).toEqual([]);
    expectNoBadSecrets(suite.ledger);
  }, 30_000);
});
