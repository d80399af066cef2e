import type { CustomerSession } from '../../src/core/types';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const clock = installFakeClock();
const windowMs = 10 * 60_000;

/**
 * Refresh-loop guards: whatever a session's lifetime, the latency and the margin, the number of
 * requests in a fake-time window stays near what the refresh schedule allows. The endpoint stops
 * answering after `cap` requests, so a loop fails the count instead of hanging, and each test has
 * a hard timeout.
 */
function setup(lifetimeSeconds: number, latencyMs: number, refreshMarginMs?: number, cap = 200) {
  const endpoint = vi.fn(async () => {
    if (endpoint.mock.calls.length > cap) return new Promise<CustomerSession>(() => {});
    const session = makeCustomerSession({ lifetimeSeconds });
    vi.setSystemTime(Date.now() + latencyMs);
    return session;
  });
  const recorder = createSessionRecorder();
  renderWithProvider(<recorder.ContextProbe />, { endpoint, ...(refreshMarginMs === undefined ? {} : { refreshMarginMs }) });
  return { endpoint, recorder };
}

describe('no refresh loop', () => {
  it.each([
    [1800, 0, undefined],
    [120, 0, undefined],
    [10, 0, undefined],
    [20, 900, undefined],
    [60, 0, 10 * 60_000],
    [30, 0, 0],
  ])('a %i s session, %i ms latency, margin %s: at most one request per refresh period', { timeout: 5000 }, async (lifetime, latency, margin) => {
    const { endpoint, recorder } = setup(lifetime, latency, margin);
    await flushUntil(() => recorder.latest().status !== 'pending');
    for (let t = 0; t < windowMs; t += 10_000) await clock.advance(10_000);
    // Refreshed at half-life at the earliest (the margin is clamped to half the lifetime), minus
    // the second `created` is truncated by and the latency.
    const period = Math.max(1, (lifetime * 1000) / 2 - 1000 - latency);
    expect(endpoint.mock.calls.length).toBeLessThanOrEqual(Math.ceil(windowMs / period) + 2);
    expect(endpoint.mock.calls.length).toBeLessThan(200);
  });

  it('a session refused on arrival (expired by then) is not asked for again by the timer', { timeout: 5000 }, async () => {
    const { endpoint, recorder } = setup(1, 0);
    await flushUntil(() => recorder.latest().status === 'error');
    for (let t = 0; t < windowMs; t += 60_000) await clock.advance(60_000);
    expect(endpoint).toHaveBeenCalledTimes(1);
  });
});
