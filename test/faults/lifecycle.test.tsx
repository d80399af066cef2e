import { act, render, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { captureConsole } from '../helpers/captureConsole';
import { setupMswServer } from '../helpers/mswServer';
import { expectEveryReceiverGot, expectNoBadSecrets } from './support/expectations';
import { createFaultEndpoint } from './support/faultEndpoint';
import { faultProvider, renderFaultPage } from './support/faultPage';
import { setupFaultSuite } from './support/setupFaultSuite';

const server = setupMswServer();
const macrotask = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 30)));

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
  it('one request never aborted, every receiver gets the one valid secret, a refresh rotates it in place, no warnings', async () => {
    const consoleCalls = captureConsole();
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const page = renderFaultPage(suite.ledger, endpoint.url, { strict: true });
    await waitFor(() => expect(page.record.latest().status).toBe('ready'));
    await settle();
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.signal.aborted).toBe(false);
    const first = page.record.latest().clientSecret;
    expectEveryReceiverGot(suite.ledger, first);
    const tables = document.querySelectorAll('stripe-pricing-table');
    expect(tables).toHaveLength(1);
    const createdPaymentElements = page.stripe.calls.create.length;

    await act(() => page.record.latest().refresh());
    await waitFor(() => expect(page.record.latest().clientSecret).not.toBe(first));
    const second = page.record.latest().clientSecret;
    expect(endpoint.requests).toHaveLength(2);
    expect(page.stripe.calls.update.at(-1)).toMatchObject({ customerSessionClientSecret: second });
    expect(page.stripe.calls.create).toHaveLength(createdPaymentElements); // rotated in place, not remounted
    expect(document.querySelector('stripe-pricing-table')).toBe(tables[0]); // its window is still open: kept

    page.unmount();
    await settle();
    expect(errorsAndWarnings(consoleCalls.calls)).toEqual([]);
    expectNoBadSecrets(suite.ledger);
  });
});

describe('fault: rapid mount/unmount 100×', () => {
  it('each unmount aborts its in-flight request; nothing updates after unmount; listeners are released; the last mount gets one valid secret', async () => {
    const consoleCalls = captureConsole();
    const liveListeners = trackWakeListeners();
    const before = liveListeners();
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const holds = Array.from({ length: 100 }, () => endpoint.hold());
    const records = [];
    for (let i = 0; i < 100; i++) {
      const page = renderFaultPage(suite.ledger, endpoint.url);
      records.push(page.record);
      await waitFor(() => expect(endpoint.requests).toHaveLength(i + 1), { interval: 1 });
      page.unmount();
      await macrotask(); // past the grace period that StrictMode's remount relies on
    }
    expect(endpoint.requests.filter((r) => !r.signal.aborted)).toHaveLength(0);
    const rendered = records.map((r) => r.states.length);
    holds.forEach((hold) => hold.resolve()); // the aborted requests now get answers nobody reads
    await settle();
    expect(records.map((r) => r.states.length)).toEqual(rendered);
    expect(liveListeners()).toBe(before);

    const last = renderFaultPage(suite.ledger, endpoint.url);
    await waitFor(() => expect(last.record.latest().status).toBe('ready'));
    expect(endpoint.requests).toHaveLength(101);
    expect(liveListeners()).toBeGreaterThan(before); // the tracker does see the mounted page's listeners
    expect(suite.ledger.secretsSeen()).toEqual([last.record.latest().clientSecret]);
    expectEveryReceiverGot(suite.ledger, last.record.latest().clientSecret);
    last.unmount();
    await settle();
    expect(liveListeners()).toBe(before);
    expect(errorsAndWarnings(consoleCalls.calls)).toEqual([]);
    expectNoBadSecrets(suite.ledger);
  }, 30_000);

  it('100 cycles within one task under the app QueryClient and StrictMode: one request, never aborted', async () => {
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
    await waitFor(() => expect(last.record.latest().status).toBe('ready'));
    await settle();
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.signal.aborted).toBe(false);
    expectEveryReceiverGot(suite.ledger, last.record.latest().clientSecret);
    expect(errorsAndWarnings(consoleCalls.calls)).toEqual([]);
    expectNoBadSecrets(suite.ledger);
  });
});
