import { MemoryRateLimiter } from '../../src/server/memoryRateLimiter';
import { installFakeDate } from '../helpers/fakeDate';

// The default in-memory limiter keeps rate-limiter-flexible's RateLimiterMemory contract, so the
// handler treats it exactly like RateLimiterRedis and the rest.
installFakeDate(Date.UTC(2026, 11, 2, 12, 0, 0));

describe('MemoryRateLimiter', () => {
  it('resolves within the points and rejects over them with msBeforeNext, per key', async () => {
    const limiter = new MemoryRateLimiter({ points: 2, duration: 10 });
    await expect(limiter.consume('a')).resolves.toEqual({ remainingPoints: 1, msBeforeNext: 10_000, consumedPoints: 1, isFirstInDuration: true });
    vi.setSystemTime(Date.now() + 4_000);
    await expect(limiter.consume('a')).resolves.toMatchObject({ remainingPoints: 0, msBeforeNext: 6_000, isFirstInDuration: false });
    await expect(limiter.consume('a')).rejects.toEqual({ remainingPoints: 0, msBeforeNext: 6_000, consumedPoints: 3, isFirstInDuration: false });
    await expect(limiter.consume('b')).resolves.toMatchObject({ remainingPoints: 1 });
  });

  it('opens a new window once the old one has passed', async () => {
    const limiter = new MemoryRateLimiter({ points: 1, duration: 1 });
    await limiter.consume('a');
    await expect(limiter.consume('a')).rejects.toMatchObject({ msBeforeNext: 1000 });
    vi.setSystemTime(Date.now() + 999);
    await expect(limiter.consume('a')).rejects.toMatchObject({ msBeforeNext: 1 });
    vi.setSystemTime(Date.now() + 1);
    await expect(limiter.consume('a')).resolves.toMatchObject({ remainingPoints: 0, msBeforeNext: 1000, isFirstInDuration: true });
  });

  it('spends `points` at once; each limiter keeps its own budgets', async () => {
    const limiter = new MemoryRateLimiter({ points: 5, duration: 60, keyPrefix: 'x' });
    await expect(limiter.consume('a', 5)).resolves.toMatchObject({ remainingPoints: 0 });
    await expect(limiter.consume('a', 1)).rejects.toMatchObject({ consumedPoints: 6 });
    const other = new MemoryRateLimiter({ points: 5, duration: 60, keyPrefix: 'x' });
    await expect(other.consume('a', 1)).resolves.toMatchObject({ remainingPoints: 4 });
  });

  it('forgets expired windows as later calls pass them, so memory follows the active customers', async () => {
    const limiter = new MemoryRateLimiter({ points: 1, duration: 1 });
    for (let i = 0; i < 1000; i++) await limiter.consume(`customer-${i}`);
    vi.setSystemTime(Date.now() + 1000);
    await limiter.consume('late');
    // Internal state, read only to show the sweep: one window left, not 1,001.
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBe(1);
  });
});

describe('MemoryRateLimiter reward and block (used by the Stripe budget)', () => {
  it('reward gives points back to the current window; block refuses until it ends, then a fresh window opens', async () => {
    const limiter = new MemoryRateLimiter({ points: 1, duration: 1 });
    await limiter.consume('a');
    await limiter.reward('a', 1);
    await expect(limiter.consume('a')).resolves.toMatchObject({ remainingPoints: 0 });
    await limiter.block('a', 5);
    await limiter.consume('b'); // a 1 s window queued behind the 5 s block
    vi.setSystemTime(Date.now() + 2_000);
    await expect(limiter.consume('a')).rejects.toMatchObject({ msBeforeNext: 3_000 });
    // b's window ended though the sweep stops at a's block: b starts afresh.
    await expect(limiter.consume('b')).resolves.toMatchObject({ remainingPoints: 0, isFirstInDuration: true });
    vi.setSystemTime(Date.now() + 3_000);
    await expect(limiter.consume('a')).resolves.toMatchObject({ isFirstInDuration: true });
    expect(limiter.duration).toBe(1);
  });
});

describe('MemoryRateLimiter blockDuration (the fallback keeps a store-backed limiter\'s)', () => {
  it('the consume that goes over closes the key for blockDuration; later refusals neither extend nor lift it', async () => {
    const limiter = new MemoryRateLimiter({ points: 2, duration: 10, blockDuration: 30 });
    expect(limiter.blockDuration).toBe(30);
    await limiter.consume('a');
    await expect(limiter.consume('a', 2)).rejects.toEqual({ remainingPoints: 0, msBeforeNext: 30_000, consumedPoints: 3, isFirstInDuration: true });
    vi.setSystemTime(Date.now() + 20_000); // past the 10 s window, within the block
    await expect(limiter.consume('a')).rejects.toMatchObject({ msBeforeNext: 10_000, consumedPoints: 4 });
    await expect(limiter.consume('b')).resolves.toMatchObject({ remainingPoints: 1 });
    vi.setSystemTime(Date.now() + 10_000);
    await expect(limiter.consume('a')).resolves.toMatchObject({ remainingPoints: 1, msBeforeNext: 10_000, isFirstInDuration: true });
  });

  it('a block shorter than the window ends the window with it (as rate-limiter-flexible does); none by default', async () => {
    const short = new MemoryRateLimiter({ points: 1, duration: 60, blockDuration: 5 });
    await short.consume('a');
    await expect(short.consume('a')).rejects.toMatchObject({ msBeforeNext: 5_000 });
    const plain = new MemoryRateLimiter({ points: 1, duration: 60 });
    await plain.consume('a');
    await expect(plain.consume('a')).rejects.toMatchObject({ msBeforeNext: 60_000 });
    vi.setSystemTime(Date.now() + 5_000);
    await expect(short.consume('a')).resolves.toMatchObject({ isFirstInDuration: true });
    await expect(plain.consume('a')).rejects.toMatchObject({ msBeforeNext: 55_000 });
  });
});
