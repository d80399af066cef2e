import { act } from '@testing-library/react';
import { setupMswServer } from '../helpers/mswServer';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const server = setupMswServer();
const clock = installFakeClock();
const minute = 60_000;
// `created` is whole seconds, so the skew correction puts the local expiry up to 1 s early (never late):
// with no latency and whole-second clocks, exactly 1 s.
const early = 1000;

function setup(options: Parameters<typeof createSessionEndpoint>[0] = {}, refreshMarginMs?: number) {
  const endpoint = createSessionEndpoint(options);
  server.use(endpoint.handler);
  const recorder = createSessionRecorder();
  renderWithProvider(<recorder.ContextProbe />, { components: ['payment_element'], ...(refreshMarginMs === undefined ? {} : { refreshMarginMs }) });
  return { endpoint, recorder, ready: () => recorder.latest().status === 'ready' };
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  Reflect.deleteProperty(document, 'visibilityState');
});

describe('expiry and refresh', () => {
  it('refreshes exactly once per expiry window over three windows, 5 minutes before expiry', async () => {
    const { endpoint, recorder, ready } = setup();
    await flushUntil(ready);
    const secrets = [recorder.latest().clientSecret];
    for (let window = 1; window <= 3; window++) {
      const expiresAt = recorder.latest().expiresAt!.getTime();
      expect(expiresAt - Date.now()).toBe(30 * minute - early);
      await clock.advance(25 * minute - early - 1000);
      expect(endpoint.requests).toHaveLength(window);
      await clock.advance(1000);
      await flushUntil(() => ready() && recorder.latest().clientSecret !== secrets.at(-1));
      expect(endpoint.requests).toHaveLength(window + 1);
      secrets.push(recorder.latest().clientSecret);
    }
    await clock.advance(25 * minute - early - 1000);
    expect(endpoint.requests).toHaveLength(4);
    expect(new Set(secrets).size).toBe(4);
    expect(recorder.states.some((s) => s.status === 'expired')).toBe(false);
    expect(recorder.states.some((s) => s.status === 'refreshing' && s.clientSecret !== null)).toBe(true);
  });

  it("becomes 'expired' with a null clientSecret when expiry passes before the refresh lands", async () => {
    const { endpoint, recorder, ready } = setup({}, 10_000);
    await flushUntil(ready);
    const first = recorder.latest();
    const held = endpoint.hold(); // a slow endpoint: answers after the old session expired
    await clock.advance(30 * minute - early - 10_000);
    expect(recorder.latest()).toMatchObject({ status: 'refreshing', clientSecret: first.clientSecret });
    await clock.advance(10_000 - 1);
    expect(recorder.latest().clientSecret).toBe(first.clientSecret);
    await clock.advance(1);
    expect(recorder.latest()).toMatchObject({ status: 'expired', clientSecret: null, session: null });
    expect(recorder.latest().isEnabled('payment_element')).toBe(false);
    const expiredAt = recorder.states.length;
    held.resolve();
    await flushUntil(ready);
    expect(recorder.latest().clientSecret).not.toBe(first.clientSecret);
    // Between expiry and the new session, no render saw the old secret.
    expect(recorder.states.slice(expiredAt).every((s) => s.clientSecret !== first.clientSecret)).toBe(true);
    expect(endpoint.requests).toHaveLength(2);
  });

  it.each([
    ['ahead of', 10 * minute],
    ['behind', -10 * minute],
  ])("refreshes before the server's expiry when the browser clock is 10 minutes %s Stripe's", async (_label, clientAheadMs) => {
    const { endpoint, recorder, ready } = setup({ clientAheadMs });
    await flushUntil(ready);
    const serverExpiry = recorder.latest().session!.expires_at * 1000;
    // Skew-corrected: the local expiry is the server's expiry moved onto the local clock.
    expect(recorder.latest().expiresAt!.getTime()).toBe(serverExpiry + clientAheadMs - early);
    await clock.advance(25 * minute - early - 1000);
    expect(endpoint.requests).toHaveLength(1);
    await clock.advance(1000);
    await flushUntil(() => endpoint.requests.length === 2);
    expect(serverExpiry - endpoint.emulator.clock.now()).toBe(5 * minute + early);
    await flushUntil(() => ready() && recorder.latest().session!.expires_at * 1000 > serverExpiry);
  });

  it('refreshes at once when a tab that slept past expiry becomes visible again', async () => {
    const { endpoint, recorder, ready } = setup();
    await flushUntil(ready);
    const first = recorder.latest().clientSecret;
    setVisibility('hidden');
    // Asleep: the clock moves an hour, no timer runs.
    act(() => vi.setSystemTime(Date.now() + 60 * minute));
    expect(endpoint.requests).toHaveLength(1);
    act(() => setVisibility('visible'));
    expect(recorder.latest()).toMatchObject({ status: 'expired', clientSecret: null });
    await flushUntil(() => ready());
    expect(endpoint.requests).toHaveLength(2);
    expect(recorder.latest().clientSecret).not.toBe(first);
  });

  it.each(['focus', 'online'])('re-checks on window %s and refreshes when due', async (eventName) => {
    const { endpoint, recorder, ready } = setup();
    await flushUntil(ready);
    act(() => vi.setSystemTime(Date.now() + 26 * minute)); // due, timers late
    act(() => void window.dispatchEvent(new Event(eventName)));
    await flushUntil(() => endpoint.requests.length === 2 && ready());
    expect(recorder.latest().expiresAt!.getTime() - Date.now()).toBe(30 * minute - early);
  });

  it('does not refresh on wake-up events while the session is fresh', async () => {
    const { endpoint, ready } = setup();
    await flushUntil(ready);
    await clock.advance(10 * minute);
    act(() => {
      setVisibility('visible');
      window.dispatchEvent(new Event('focus'));
      window.dispatchEvent(new Event('online'));
    });
    await clock.advance(0);
    expect(endpoint.requests).toHaveLength(1);
  });

  it('honours refreshMarginMs', async () => {
    const { endpoint, ready } = setup({}, 60_000);
    await flushUntil(ready);
    await clock.advance(29 * minute - early - 1);
    expect(endpoint.requests).toHaveLength(1);
    await clock.advance(1);
    await flushUntil(() => endpoint.requests.length === 2);
  });

  it('clamps the margin to half the lifetime, so short sessions refresh at half-life, not in a loop', async () => {
    const { endpoint, recorder, ready } = setup({ sessionTtlSeconds: 120 });
    await flushUntil(ready);
    // Refreshes at half the 120 s lifetime before the (1 s early) local expiry: every 59 s.
    await clock.advance(60_000 - early - 1);
    expect(endpoint.requests).toHaveLength(1);
    for (let i = 2; i <= 4; i++) {
      await clock.advance(i === 2 ? 1 : 60_000 - early);
      await flushUntil(() => endpoint.requests.length === i && ready());
    }
    expect(recorder.states.some((s) => s.status === 'expired')).toBe(false);
  });

  it('after a failed refresh, withholds the secret at expiry and does not retry in a loop', async () => {
    const { endpoint, recorder, ready } = setup();
    await flushUntil(ready);
    endpoint.queue(() => Response.json({ error: { type: 'invalid_request_error', message: 'No such customer' } }, { status: 400 }));
    await clock.advance(25 * minute);
    await flushUntil(() => recorder.latest().status === 'error');
    expect(recorder.latest().clientSecret).not.toBeNull(); // still valid for 5 minutes
    await clock.advance(5 * minute);
    const withheld = recorder.latest();
    expect(withheld).toMatchObject({ status: 'error', session: null, clientSecret: null });
    expect(withheld.isEnabled('payment_element')).toBe(false);
    await clock.advance(60 * minute);
    expect(recorder.latest()).toBe(withheld); // one stable copy: nothing re-renders with a new object
    expect(endpoint.requests).toHaveLength(2);
    await act(() => recorder.latest().refresh());
    await flushUntil(ready);
    expect(endpoint.requests).toHaveLength(3);
  });

  it('waits while offline, withholds the expired secret, and refreshes when back online', async () => {
    const { endpoint, recorder, ready } = setup();
    await flushUntil(ready);
    act(() => void window.dispatchEvent(new Event('offline')));
    try {
      await clock.advance(25 * minute);
      expect(endpoint.requests).toHaveLength(1);
      expect(recorder.latest().status).toBe('refreshing');
      await clock.advance(5 * minute);
      expect(recorder.latest()).toMatchObject({ status: 'expired', clientSecret: null });
    } finally {
      act(() => void window.dispatchEvent(new Event('online')));
    }
    await flushUntil(() => ready());
    expect(endpoint.requests).toHaveLength(2);
  });
});
