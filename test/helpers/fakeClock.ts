import { act } from '@testing-library/react';

/** Runs the timers due within `ms` of fake time (and the microtasks between them) inside `act`. */
const advanceFakeTime = (ms: number): Promise<void> =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

/**
 * Fakes timers and `Date` (not microtasks, so promises and MSW still run) from `start`.
 * Advance with `advance(ms)`, which runs due timers inside `act`.
 */
export function installFakeClock(start = Date.UTC(2026, 0, 15, 12, 0, 0)): { advance(ms: number): Promise<void> } {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: false, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(start);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  return { advance: advanceFakeTime };
}

/** Older name of `installFakeClock` (kept for existing imports; not a React hook). */
export const useFakeClock = installFakeClock;

/**
 * With the fake clock: past the macrotask after the last observer change, in which the session
 * lifecycle aborts a request nobody uses any more and drops a session only disabled hooks hold
 * (src/react/lifecycle.ts). Advanced by time, so a refactor of that timer's delay keeps the tests green.
 */
export const pastLifecycleMacrotask = (): Promise<void> => advanceFakeTime(1);

/**
 * With the fake clock, before checking that something does NOT happen (no request, no render, no
 * secret): a second of fake time, well past the lifecycle's macrotask, for what the library would
 * start at once (a request, a drop, a render).
 */
export const settle = (): Promise<void> => advanceFakeTime(1000);
