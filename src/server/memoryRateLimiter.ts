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
 * The default in-memory limiter: a fixed window of `duration` seconds per key that opens on the key's
 * first `consume`, with `rate-limiter-flexible`'s `RateLimiterMemory` contract (same options, resolves
 * within the limit, rejects with `{ msBeforeNext }` over it).
 *
 * Our own because the library has no edge-safe public path: its root entry loads every store (73 kB
 * minified) and Node's `cluster`, which only bundlers honouring its `browser` field drop, and its
 * per-file path is not a public export. No timers either: workerd forbids them outside a request;
 * expired windows are dropped as later calls pass them.
 */
export class MemoryRateLimiter implements CustomerSessionRateLimiter {
  readonly points: number;
  private readonly durationMs: number;
  private readonly keyPrefix: string;
  // Insertion order is expiry order (every window lasts durationMs and a renewed one is re-inserted),
  // so the expired ones are at the front; a `block` longer than a window only delays the sweep.
  private readonly windows = new Map<string, Window>();

  constructor({ points, duration, keyPrefix = 'rlflx' }: { points: number; duration: number; keyPrefix?: string }) {
    this.points = points;
    this.durationMs = duration * 1000;
    this.keyPrefix = keyPrefix;
  }

  consume(key: string, points = 1): Promise<MemoryRateLimiterRes> {
    const now = Date.now();
    this.dropExpired(now);
    const id = `${this.keyPrefix}:${key}`;
    let window = this.windows.get(id);
    // An expired window the sweep has not reached yet (it stops behind a longer `block`) counts as none.
    const isFirstInDuration = window === undefined || window.endsAt <= now;
    if (window === undefined || isFirstInDuration) {
      window = { endsAt: now + this.durationMs, consumed: 0 };
      this.windows.delete(id);
      this.windows.set(id, window);
    }
    window.consumed += points;
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

  /** Gives `points` back to the key's current window (refused work that should not count against it). */
  reward(key: string, points = 1): Promise<void> {
    const window = this.windows.get(`${this.keyPrefix}:${key}`);
    if (window !== undefined && window.endsAt > Date.now()) window.consumed = Math.max(0, window.consumed - points);
    return Promise.resolve();
  }

  /** Closes the key for `seconds` from now: every `consume` until then is refused. */
  block(key: string, seconds: number): Promise<void> {
    const id = `${this.keyPrefix}:${key}`;
    this.windows.delete(id);
    this.windows.set(id, { endsAt: Date.now() + seconds * 1000, consumed: this.points + 1 });
    return Promise.resolve();
  }

  private dropExpired(now: number): void {
    for (const [id, window] of this.windows) {
      if (window.endsAt > now) return;
      this.windows.delete(id);
    }
  }
}
