import type { CustomerSession } from '../../src/core/types';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const clock = installFakeClock();
const minute = 60_000;

/** A session as an endpoint that drops `created` returns it (like the reference's example response). */
function withoutCreated(expiresAtSeconds: number): CustomerSession {
  const { created, ...rest } = makeCustomerSession({ expires_at: expiresAtSeconds });
  expect(created).toBeTypeOf('number');
  return rest as CustomerSession;
}

function setup(expiresIn: (nowSeconds: number) => number, refreshMarginMs?: number) {
  const sessions: CustomerSession[] = [];
  const endpoint = vi.fn(async () => {
    const session = withoutCreated(expiresIn(Math.floor(Date.now() / 1000)));
    sessions.push(session);
    return session;
  });
  const recorder = createSessionRecorder();
  renderWithProvider(<recorder.ContextProbe />, { endpoint, ...(refreshMarginMs === undefined ? {} : { refreshMarginMs }) });
  return { endpoint, sessions, recorder, ready: () => recorder.latest().status === 'ready' };
}

describe('a session without `created`', () => {
  it('trusts the local clock: expiresAt is expires_at itself, and the refresh comes refreshMarginMs before it', async () => {
    const { endpoint, sessions, recorder, ready } = setup((now) => now + 1800);
    await flushUntil(ready);
    expect(recorder.latest().expiresAt?.getTime()).toBe(sessions[0]!.expires_at * 1000);
    expect('created' in recorder.latest().session!).toBe(false);
    await clock.advance(25 * minute - 1);
    expect(endpoint).toHaveBeenCalledTimes(1);
    await clock.advance(1);
    await flushUntil(() => endpoint.mock.calls.length === 2 && ready());
    expect(recorder.latest().clientSecret).toBe(sessions[1]!.client_secret);
  });

  it('clamps the margin to half the lifetime measured from the send time', async () => {
    const { endpoint, ready } = setup((now) => now + 120);
    await flushUntil(ready);
    await clock.advance(60_000 - 1);
    expect(endpoint).toHaveBeenCalledTimes(1);
    await clock.advance(1);
    await flushUntil(() => endpoint.mock.calls.length === 2 && ready());
  });

  it('refuses one already expired by the local clock as kind expired, without refreshing in a loop', async () => {
    const { endpoint, recorder } = setup((now) => now - 60);
    await flushUntil(() => recorder.latest().status === 'error');
    expect(recorder.latest()).toMatchObject({ clientSecret: null, session: null, error: { kind: 'expired' } });
    await clock.advance(60 * minute);
    expect(endpoint).toHaveBeenCalledTimes(1);
    expect(recorder.states.every((s) => s.clientSecret === null)).toBe(true);
  });
});
