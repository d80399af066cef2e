import type { CustomerSessionRateLimiter } from './rateLimitTypes';

/** What `consume` resolves with, and rejects with once the key is over its points. */
export interface MemoryRateLimiterRes {
  remainingPoints: number;
  msBeforeNext: number;
  consumedPoints: number;
  isFirstInDuration: boolean;
}

interface Window {
  endsAt: number;
  consumed: number;
}

/**
 * The default in-memory limiter, and the stand-in for a failing store (rateLimitInsurance.ts): a fixed
 * window of `duration` seconds per key that opens on the key's first `consume`, with
 * `rate-limiter-flexible`'s `RateLimiterMemory` contract (the options the fallback copies, resolves
 * within the limit, rejects with `{ msBeforeNext }` over it).
 *
 * Our own because the library has no edge-safe public path: its root entry loads every store (73 kB
 * minified) and Node's `cluster`, which only bundlers honouring its `browser` field drop, and its
 * per-file path is not a public export. No timers either: workerd forbids them outside a request;
 * expired windows are dropped as later calls pass them.
 */
export class MemoryRateLimiter implements CustomerSessionRateLimiter {
  readonly points: number;
  readonly keyPrefix: string;
  private readonly durationMs: number;
  private readonly blockMs: number;
  // Insertion order is expiry order while every entry lasts durationMs (a renewed one is re-inserted),
  // so the expired ones are at the front; a block of another length only delays the sweep.
  private readonly windows = new Map<string, Window>();

  /**
   * `blockDuration` (seconds, default 0: none): the key that goes over its points is closed that long
   * from then on, instead of until its window ends, as rate-limiter-flexible's option does.
   */
  constructor({ points, duration, blockDuration = 0, keyPrefix = 'rlflx' }: { points: number; duration: number; blockDuration?: number; keyPrefix?: string }) {
    this.points = points;
    this.durationMs = duration * 1000;
    this.blockMs = blockDuration * 1000;
    this.keyPrefix = keyPrefix;
  }

  consume(key: string, points = 1): Promise<MemoryRateLimiterRes> {
    const now = Date.now();
    this.dropExpired(now);
    const id = `${this.keyPrefix}:${key}`;
    let window = this.windows.get(id);
    // An expired window the sweep has not reached yet (it stops at the first live one, and a block may
    // sit out of order ahead of it) counts as none.
    let isFirstInDuration = window === undefined || window.endsAt <= now;
    if (window === undefined || isFirstInDuration) window = this.open(id, now + this.durationMs, 0);
    window.consumed += points;
    // Only the consume that goes over blocks: refusals within the block do not extend it. The block is
    // a new period (rate-limiter-flexible says isFirstInDuration too).
    if (this.blockMs > 0 && window.consumed > this.points && window.consumed - points <= this.points) {
      window = this.open(id, now + this.blockMs, window.consumed);
      isFirstInDuration = true;
    }
    const res: MemoryRateLimiterRes = {
      remainingPoints: Math.max(0, this.points - window.consumed),
      msBeforeNext: window.endsAt - now,
      consumedPoints: window.consumed,
      isFirstInDuration,
    };
    // Over the limit it rejects with the result itself, as rate-limiter-flexible does.
    return window.consumed > this.points ? Promise.reject(res) : Promise.resolve(res);
  }

  /** The window, in seconds (as rate-limiter-flexible's `duration`). */
  get duration(): number {
    return this.durationMs / 1000;
  }

  /** How long a key that goes over its points stays closed, in seconds (0: until its window ends). */
  get blockDuration(): number {
    return this.blockMs / 1000;
  }

  /** Gives `points` back to the key's current window (refused work that should not count against it). */
  reward(key: string, points = 1): Promise<void> {
    const window = this.windows.get(`${this.keyPrefix}:${key}`);
    if (window !== undefined && window.endsAt > Date.now()) window.consumed = Math.max(0, window.consumed - points);
    return Promise.resolve();
  }

  /** Closes the key for `seconds` from now: every `consume` until then is refused. */
  block(key: string, seconds: number): Promise<void> {
    this.open(`${this.keyPrefix}:${key}`, Date.now() + seconds * 1000, this.points + 1);
    return Promise.resolve();
  }

  // Re-inserted, not updated in place: the map's order stays (about) the order of expiry.
  private open(id: string, endsAt: number, consumed: number): Window {
    const window = { endsAt, consumed };
    this.windows.delete(id);
    this.windows.set(id, window);
    return window;
  }

  private dropExpired(now: number): void {
    for (const [id, window] of this.windows) {
      if (window.endsAt > now) return;
      this.windows.delete(id);
    }
  }
}
