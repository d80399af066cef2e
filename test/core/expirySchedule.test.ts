import fc from 'fast-check';
import { expiryClockOffset } from '../../src/core/expiry';
import { expiryDefaults } from '../../src/core/expiry';
import { expirySchedule } from '../../src/core/expiry';

const created = 1_768_478_400; // 2026-01-15T12:00:00Z
const session = { created, expires_at: created + 1800 };

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
          expect(expirySchedule({ created, expires_at: created + lifetime }, estimate).expiresAtLocal).toBeLessThanOrEqual(trueLocalExpiry);
        },
      ),
    );
  });
});

describe('expirySchedule', () => {
  it('refreshes five minutes before expiry by default', () => {
    expect(expiryDefaults.refreshMarginMs).toBe(300_000);
    const schedule = expirySchedule(session, 0);
    expect(schedule.expiresAtLocal).toBe(session.expires_at * 1000);
    expect(schedule.refreshAtLocal).toBe(session.expires_at * 1000 - 300_000);
    expect(schedule.marginMs).toBe(300_000);
  });

  it('moves the expiry onto the local clock', () => {
    expect(expirySchedule(session, 600_000).expiresAtLocal).toBe(session.expires_at * 1000 + 600_000);
    expect(expirySchedule(session, -600_000).refreshAtLocal).toBe(session.expires_at * 1000 - 600_000 - 300_000);
  });

  it('clamps the margin to half the lifetime', () => {
    const short = { created, expires_at: created + 120 };
    expect(expirySchedule(short, 0).marginMs).toBe(60_000);
    expect(expirySchedule(short, 0, 10_000).marginMs).toBe(10_000);
    expect(expirySchedule(session, 0, 3_600_000).marginMs).toBe(900_000);
  });

  it('treats negative or non-finite margins sanely', () => {
    expect(expirySchedule(session, 0, -5).marginMs).toBe(0);
    expect(expirySchedule(session, 0, Number.NaN).marginMs).toBe(300_000);
  });

  it('refreshes after the send time and before the local expiry, for every session not refused on arrival (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 86_400 }),
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (lifetime, skew, margin) => {
          const sentAt = created * 1000 + skew;
          const schedule = expirySchedule({ created, expires_at: created + lifetime }, expiryClockOffset(sentAt, created), margin);
          // The skew correction puts the local expiry 1 s early (no latency here, `created` truncated).
          expect(schedule.expiresAtLocal - sentAt).toBe(lifetime * 1000 - 1000);
          // A 1 s session is expired by the time it arrives (never before it was sent), so
          // fetchCustomerSessionData refuses it as kind `expired` (test/react/expiredOnArrival.test.tsx).
          if (schedule.expiresAtLocal <= sentAt) return;
          expect(schedule.refreshAtLocal).toBeGreaterThanOrEqual(sentAt + (lifetime * 1000) / 2 - 1000);
          expect(schedule.refreshAtLocal).toBeGreaterThanOrEqual(sentAt);
          expect(schedule.refreshAtLocal).toBeLessThanOrEqual(schedule.expiresAtLocal);
        },
      ),
    );
  });
});
