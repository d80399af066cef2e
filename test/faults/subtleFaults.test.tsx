import { act } from '@testing-library/react';
import { beforeAll } from 'vitest';
import { PricingTable } from '../../src/react/webComponents';
import { defineStripeWebComponentStandIns } from '../../src/testing/defineStripeWebComponentStandIns';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

// Documented behaviour that subtler faults planted into the client core slipped past (issue 18,
// "Behaviour no test holds"). Each test names the fault it catches.
const server = setupMswServer();
const clock = installFakeClock();
const minute = 60_000;
const SECRET_ATTR = 'customer-session-client-secret';
const table = () => document.querySelector('stripe-pricing-table');

beforeAll(() => defineStripeWebComponentStandIns());
afterEach(() => {
  Reflect.deleteProperty(document, 'visibilityState');
});

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  act(() => void document.dispatchEvent(new Event('visibilitychange')));
}

function open() {
  const endpoint = createSessionEndpoint();
  server.use(endpoint.handler);
  const recorder = createSessionRecorder();
  renderWithProvider(
    <>
      <recorder.ContextProbe />
      <PricingTable pricingTableId="prctbl_subtle" />
    </>,
    { components: ['pricing_table'], publishableKey: 'pk_test_subtle' },
  );
  return { endpoint, recorder, ready: () => recorder.latest().status === 'ready' };
}

describe('documented behaviour each subtle fault broke', () => {
  // Fault: `cancelRefetch: false` removed from refresh(), a third request instead of none.
  it('refresh() while a refresh is in flight joins it: no second request', async () => {
    const { endpoint, recorder, ready } = open();
    await flushUntil(ready);
    const held = endpoint.hold();
    let first: Promise<void> | undefined;
    act(() => void (first = recorder.latest().refresh()));
    await flushUntil(() => endpoint.requests.length === 2);
    const joined = [recorder.latest().refresh(), recorder.latest().refresh()];
    await clock.advance(0);
    expect(endpoint.requests).toHaveLength(2);
    expect(endpoint.requests[1]?.signal.aborted).toBe(false);
    held.resolve();
    await act(() => Promise.all([first, ...joined]));
    await flushUntil(ready);
    expect(endpoint.requests).toHaveLength(2);
  });

  // Fault: 'pageshow' removed from the wake-up events, nothing failed.
  it('a pageshow wakes the session: due while the page slept, it is refreshed at once', async () => {
    const { endpoint, ready } = open();
    await flushUntil(ready);
    vi.setSystemTime(Date.now() + 26 * minute); // asleep: due, its timer late
    act(() => void window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false })));
    await flushUntil(() => endpoint.requests.length === 2 && ready());
  });

  // Fault: `refetchIntervalInBackground` turned off, nothing failed.
  it('a hidden tab still refreshes before expiry', async () => {
    const { endpoint, recorder, ready } = open();
    await flushUntil(ready);
    const first = recorder.latest().clientSecret;
    setVisibility('hidden');
    await clock.advance(25 * minute);
    await flushUntil(() => endpoint.requests.length >= 2 && ready() && recorder.latest().clientSecret !== first);
  });

  // Fault: a web component whose session was refreshed on wake-up must not wait for a timer of its own.
  it('after a sleep past its session’s refresh moment, a web component is re-created on wake-up with its session’s new secret', async () => {
    const { endpoint, ready } = open();
    await flushUntil(() => ready() && table()?.hasAttribute(SECRET_ATTR) === true);
    const rendered = table();
    const renderedSecret = rendered?.getAttribute(SECRET_ATTR);
    const renderedAt = Date.now();
    setVisibility('hidden');
    vi.setSystemTime(renderedAt + 29 * minute); // asleep: no timer ran, not even the session's refresh at 25 minutes
    setVisibility('visible');
    await flushUntil(() => endpoint.requests.length >= 2 && ready());
    // The element's own session was refreshed on the wake-up too: re-created with its new secret now.
    await flushUntil(() => table() !== rendered && /^cuss_secret_/.test(table()?.getAttribute(SECRET_ATTR) ?? ''));
    expect(table()?.getAttribute(SECRET_ATTR)).not.toBe(renderedSecret);
    expect(Date.now()).toBe(renderedAt + 29 * minute);
  });
});
