/**
 * Fakes `Date` alone (timers stay real), for the rate limiters: their windows follow `Date.now` and
 * nothing waits on a timer. Each test starts at `start`, or `stepMs` after the previous test's start
 * (so a process-wide default limiter starts empty). `at(ms)` moves the clock to `ms` after the
 * current test's start. Call it at the top of a file or a `describe`.
 */
export function installFakeDate(start: number, stepMs = 0): { at(ms: number): void } {
  let now = start - stepMs;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    now += stepMs;
    vi.setSystemTime(now);
  });
  afterEach(() => vi.useRealTimers());
  return { at: (ms) => vi.setSystemTime(now + ms) };
}
