import fc from 'fast-check';
import { expiryClockOffset, expiryDefaults, refreshMoment, sessionTiming } from '../../src/core/expiry';

const created = 1_768_478_400; // 2026-01-15T12:00:00Z
const session = { created, expires_at: created + 1800 };
// Sent at this local time, the clock offset `expiryClockOffset` estimates is `offset`.
const sentWithOffset = (offset: number) => (created + 1) * 1000 + offset;

describe('expiryClockOffset', () => {
  it('is local minus server time, from the send time, less the second `created` may have been truncated by', () => {
    expect(expiryClockOffset(created * 1000 + 600_000, created)).toBe(599_000);
    expect(expiryClockOffset(created * 1000 - 600_000, created)).toBe(-601_000);
    expect(expiryClockOffset(created * 1000, created)).toBe(-1000);
  });

  it('never exceeds the true offset, whatever the skew, sub-second creation time and latency (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -86_400_000, max: 86_400_000 }), // true offset: local minus server, ms
        fc.integer({ min: 0, max: 999 }), // where in its second the session was created
        fc.integer({ min: 0, max: 60_000 }), // from sending the request to the session's creation
        fc.integer({ min: 1, max: 86_400 }), // lifetime, s
        (trueOffset, subSecond, latency, lifetime) => {
          const serverCreatedMs = created * 1000 + subSecond;
          const sentAt = serverCreatedMs + trueOffset - latency;
          const estimate = expiryClockOffset(sentAt, created);
          expect(estimate).toBeLessThanOrEqual(trueOffset);
          // Early by the latency and the truncated second at most.
          expect(trueOffset - estimate).toBeLessThanOrEqual(latency + 1000);
          // So the local expiry is never after the true one.
          const trueLocalExpiry = (created + lifetime) * 1000 + trueOffset;
          expect(sessionTiming({ created, expires_at: created + lifetime }, sentAt).expiresAt).toBeLessThanOrEqual(trueLocalExpiry);
        },
      ),
    );
  });
});

describe('sessionTiming and refreshMoment', () => {
  it('refreshes five minutes before expiry by default', () => {
    expect(expiryDefaults.refreshMarginMs).toBe(300_000);
    const timing = sessionTiming(session, sentWithOffset(0));
    expect(timing.expiresAt).toBe(session.expires_at * 1000);
    expect(timing.refreshAt).toBe(session.expires_at * 1000 - 300_000);
    expect(refreshMoment(timing)).toBe(timing.refreshAt);
    expect(timing.lifetimeMs).toBe(1_800_000);
  });

  it('moves the expiry onto the local clock', () => {
    expect(sessionTiming(session, sentWithOffset(600_000)).expiresAt).toBe(session.expires_at * 1000 + 600_000);
    expect(sessionTiming(session, sentWithOffset(-600_000)).refreshAt).toBe(session.expires_at * 1000 - 600_000 - 300_000);
  });

  it('clamps the margin to half the lifetime', () => {
    const short = sessionTiming({ created, expires_at: created + 120 }, sentWithOffset(0));
    expect(short.expiresAt - refreshMoment(short)).toBe(60_000);
    expect(short.expiresAt - refreshMoment(short, 10_000)).toBe(10_000);
    const timing = sessionTiming(session, sentWithOffset(0));
    expect(timing.expiresAt - refreshMoment(timing, 3_600_000)).toBe(900_000);
  });

  it('treats negative or non-finite margins sanely', () => {
    const timing = sessionTiming(session, sentWithOffset(0));
    expect(timing.expiresAt - refreshMoment(timing, -5)).toBe(0);
    expect(timing.expiresAt - refreshMoment(timing, Number.NaN)).toBe(300_000);
  });

  it('without `created`, trusts the local clock and runs the lifetime from the send time', () => {
    const sentAt = session.expires_at * 1000 - 600_000;
    const timing = sessionTiming({ expires_at: session.expires_at }, sentAt);
    expect(timing.expiresAt).toBe(session.expires_at * 1000);
    expect(timing.lifetimeMs).toBe(600_000);
    expect(timing.refreshAt).toBe(timing.expiresAt - 300_000);
  });

  it('refreshes after the send time and before the local expiry, for every session not refused on arrival (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 86_400 }),
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (lifetime, skew, margin) => {
          const sentAt = created * 1000 + skew;
          const timing = sessionTiming({ created, expires_at: created + lifetime }, sentAt);
          const refreshAt = refreshMoment(timing, margin);
          // The skew correction puts the local expiry 1 s early (no latency here, `created` truncated).
          expect(timing.expiresAt - sentAt).toBe(lifetime * 1000 - 1000);
          // A 1 s session is expired by the time it arrives (never before it was sent), so
          // requestCustomerSession refuses it as kind `expired` (test/react/expiredOnArrival.test.tsx).
          if (timing.expiresAt <= sentAt) return;
          expect(refreshAt).toBeGreaterThanOrEqual(sentAt + (lifetime * 1000) / 2 - 1000);
          expect(refreshAt).toBeGreaterThanOrEqual(sentAt);
          expect(refreshAt).toBeLessThanOrEqual(timing.expiresAt);
        },
      ),
    );
  });
});
