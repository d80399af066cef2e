import { runAbuseLoad } from '../../bench/lib/abuseLoad';
import * as server from '../../src/server';
import * as testing from '../../src/testing';

// Bounded in count (500 + 100 requests) and time: a request unanswered after 20 s counts as hung (a
// generous bound: CI runs this beside every other suite on two cores), the test fails at 90 s.
describe('load: one abusive customer, 20 honest ones, the default rate limit', () => {
  it('the abuser gets at most 360 sessions in the window, every honest request a 200, nothing hangs', { timeout: 90_000 }, async () => {
    const result = await runAbuseLoad({ server, testing, requestTimeoutMs: 20_000 });
    expect(result.abusive.requests).toBe(500);
    expect(result.abusive.sessionsCreated).toBeLessThanOrEqual(360);
    expect(result.abusive.other).toEqual({}); // no hung, failed or other answers
    expect(result.abusive.ok).toBe(result.abusive.sessionsCreated);
    expect(result.abusive.tooMany).toBe(500 - result.abusive.ok);
    expect(result.honest.requests).toBe(100);
    expect(result.honest.other).toEqual({});
    expect(result.honest.ok).toBe(100);
    // The window is 60 s and the whole run well inside it, so every Retry-After is within (0, 60].
    expect(result.durationMs).toBeLessThan(60_000);
    expect(result.retryAfterSeconds.every((s) => s >= 1 && s <= 60)).toBe(true);
  });
});
