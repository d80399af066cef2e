import { act } from '@testing-library/react';

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
  return {
    advance: (ms) =>
      act(async () => {
        await vi.advanceTimersByTimeAsync(ms);
      }),
  };
}

/** Older name of `installFakeClock` (kept for existing imports; not a React hook). */
export const useFakeClock = installFakeClock;
