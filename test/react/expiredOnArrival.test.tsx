import type { CustomerSession } from '../../src/core/types';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const clock = installFakeClock();
const minute = 60_000;

/** A function endpoint whose sessions live `lifetimes[i]` seconds (the last one repeats), answering `latencyMs` later. */
function setup(lifetimes: number[], latencyMs = 0, refreshMarginMs?: number) {
  const sessions: CustomerSession[] = [];
  const endpoint = vi.fn(async () => {
    // A refresh loop would never yield to the test: stop answering, so it fails instead of hanging.
    if (sessions.length >= 5) return new Promise<CustomerSession>(() => {});
    const session = makeCustomerSession({ lifetimeSeconds: lifetimes[Math.min(sessions.length, lifetimes.length - 1)]! });
    sessions.push(session);
    // Frozen clock otherwise: the answer lands exactly `latencyMs` after the request was sent.
    vi.setSystemTime(Date.now() + latencyMs);
    return session;
  });
  const recorder = createSessionRecorder();
  renderWithProvider(<recorder.ContextProbe />, { endpoint, ...(refreshMarginMs === undefined ? {} : { refreshMarginMs }) });
  const secrets = () => recorder.states.map((s) => s.clientSecret).filter((secret) => secret !== null);
  return { endpoint, sessions, recorder, secrets };
}

describe('a session that is already expired by the local clock when it arrives', () => {
  it('is refused as kind expired, once, not refreshed in a loop (expires_at = created + 1, frozen clock)', async () => {
    const { endpoint, recorder, secrets } = setup([1]);
    await flushUntil(() => recorder.latest().status === 'error');
    expect(recorder.latest()).toMatchObject({ clientSecret: null, session: null, error: { kind: 'expired' } });
    await clock.advance(60 * minute);
    expect(endpoint).toHaveBeenCalledTimes(1);
    expect(recorder.latest().status).toBe('error');
    expect(secrets()).toEqual([]);
  });

  it("counts the request's latency: a 3 s session is refused after 2 s in flight, accepted after 1.999 s", async () => {
    // The skew correction puts the local expiry at send time + lifetime − 1 s, whatever the latency.
    // (Margin 0 so the accepted one is not due for a refresh on arrival.)
    const slow = setup([3], 2000, 0);
    await flushUntil(() => slow.recorder.latest().status === 'error');
    expect(slow.recorder.latest().error?.kind).toBe('expired');
    expect(slow.secrets()).toEqual([]);

    const quick = setup([3], 1999, 0);
    await flushUntil(() => quick.recorder.latest().status === 'ready');
    expect(quick.recorder.latest().clientSecret).toBe(quick.sessions[0]!.client_secret);
  });

  it('fails a refresh that brings one, keeping the previous secret while it is valid, without retrying', async () => {
    const { endpoint, sessions, recorder, secrets } = setup([1800, 1]);
    await flushUntil(() => recorder.latest().status === 'ready');
    const first = sessions[0]!.client_secret;
    await clock.advance(25 * minute - 1000);
    await flushUntil(() => recorder.latest().status === 'error');
    expect(endpoint).toHaveBeenCalledTimes(2);
    expect(recorder.latest()).toMatchObject({ clientSecret: first, error: { kind: 'expired' } });
    await clock.advance(10 * minute);
    expect(endpoint).toHaveBeenCalledTimes(2);
    expect(recorder.latest().clientSecret).toBeNull();
    expect(new Set(secrets())).toEqual(new Set([first]));
  });
});
