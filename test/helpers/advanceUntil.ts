import { act } from '@testing-library/react';

/**
 * With fake timers: runs zero-delay timers and microtasks (inside `act`) until `condition` holds,
 * without moving the clock. Fails after `maxRounds` rounds.
 */
export async function flushUntil(condition: () => boolean, maxRounds = 50): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    if (condition()) return;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
  }
  if (!condition()) throw new Error(`flushUntil: condition still false after ${maxRounds} rounds`);
}
