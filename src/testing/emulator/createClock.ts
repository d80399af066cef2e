import type { EmulatorClock } from './types';

/** A clock over `source` that tests can freeze (`set`) and move (`advance`). */
export function createClock(source: () => number = Date.now): EmulatorClock {
  let frozenAt: number | undefined;
  let offset = 0;
  return {
    now: () => (frozenAt ?? source()) + offset,
    advance: (ms) => {
      offset += ms;
    },
    set: (ms) => {
      frozenAt = ms;
      offset = 0;
    },
  };
}
