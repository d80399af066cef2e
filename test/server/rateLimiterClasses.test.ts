import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterUnion,
  RLWrapperBlackAndWhite,
  RLWrapperTimeouts,
} from 'rate-limiter-flexible';
import { createCustomerSessionHandler, RateLimiterUnavailableError } from '../../src/server';
import type { CustomerSessionRateLimiter, StripeErrorBody } from '../../src/server';
import { createEmulatorStripeClient, createStripeEmulator } from '../../src/testing';
import { deadRedisClient, disconnectDeadRedisClients } from '../helpers/deadRedis';

// Every limiter class rate-limiter-flexible exports works as `rateLimit`, whatever shape its refusal takes.
const emulator = createStripeEmulator();
const stripe = createEmulatorStripeClient(emulator);
const components = { pricing_table: { enabled: true } };
const sessionsFor = (customer: string) => emulator.requests.filter((r) => r.params.customer === customer).length;
const post = () => new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });

afterAll(() => disconnectDeadRedisClients());

async function burst(rateLimit: CustomerSessionRateLimiter, count: number, onError = vi.fn()) {
  const customer = emulator.createCustomer().id;
  const handler = createCustomerSessionHandler({ stripe, components, resolveCustomer: () => customer, rateLimit, stripeBudget: false, onError });
  const responses = await Promise.all(Array.from({ length: count }, () => handler(post())));
  const refused = responses.filter((r) => r.status === 429);
  return {
    statuses: responses.map((r) => r.status),
    sessions: sessionsFor(customer),
    retryAfter: refused.map((r) => Number(r.headers.get('retry-after'))),
    errors: await Promise.all(refused.map(async (r) => ((await r.json()) as StripeErrorBody).error)),
    onError,
  };
}

const memory = (points: number, duration: number, keyPrefix = 'classes') => new RateLimiterMemory({ points, duration, keyPrefix });
const deadRedis = (points: number, duration: number, keyPrefix = 'classes-redis') => new RateLimiterRedis({ storeClient: deadRedisClient(), points, duration, keyPrefix });

describe('every rate-limiter-flexible limiter class is a limit', () => {
  it('RateLimiterUnion: its map of results is "limited", with the longest wait (30 requests, 3 sessions)', async () => {
    const union = new RateLimiterUnion(memory(3, 60, 'union-minute'), memory(5, 1, 'union-second'));
    const result = await burst(union, 30);
    expect(result.sessions).toBe(3);
    expect(result.statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(result.retryAfter).toHaveLength(27);
    // The per-minute limit refuses for 60 s, the per-second one for 1 s: the union waits for the longer.
    for (const seconds of result.retryAfter) expect(seconds).toBeGreaterThanOrEqual(59);
    expect(result.errors[0]).toMatchObject({ type: 'rate_limit_error' });
    expect(result.onError).not.toHaveBeenCalled();
  });

  it('RateLimiterUnion: a part over its limit beside a part whose store failed is still "limited"', async () => {
    const union = new RateLimiterUnion(memory(2, 60, 'union-mixed'), deadRedis(100, 60, 'union-mixed-redis'));
    const result = await burst(union, 10, vi.fn());
    // The first two: only the store failed, so the in-memory fallback (2 per 60 s, 100 per 60 s) decides.
    // From the third on, the memory part refuses: limited, whatever the store part says.
    expect(result.sessions).toBe(2);
    expect(result.statuses.filter((s) => s === 429)).toHaveLength(8);
    expect(Math.min(...result.retryAfter)).toBeGreaterThanOrEqual(59);
  });

  it('RateLimiterMemory', async () => {
    const result = await burst(memory(4, 60, 'plain'), 10);
    expect(result.sessions).toBe(4);
    expect(Math.min(...result.retryAfter)).toBeGreaterThanOrEqual(59);
  });

  it('BurstyRateLimiter: the steady rate, then the burst allowance, then 429', async () => {
    const bursty = new BurstyRateLimiter(memory(2, 60, 'bursty-rate'), memory(3, 10, 'bursty-burst'));
    const result = await burst(bursty, 10);
    expect(result.sessions).toBe(5);
    expect(result.retryAfter).toHaveLength(5);
  });

  it('RLWrapperBlackAndWhite: a black-listed customer is refused (with a capped Retry-After), a white-listed one is not limited', async () => {
    const black = emulator.createCustomer().id;
    const wrapper = new RLWrapperBlackAndWhite({ limiter: memory(2, 60, 'lists'), blackList: [`customer:${black}`], isWhiteListed: (key: string) => key.endsWith('_white') });
    const handler = createCustomerSessionHandler({ stripe, components, resolveCustomer: () => black, rateLimit: wrapper, stripeBudget: false });
    const refused = await handler(post());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(86_400); // Number.MAX_SAFE_INTEGER ms, capped at a day
    expect(sessionsFor(black)).toBe(0);
    const white = emulator.createCustomer().id;
    const whiteHandler = createCustomerSessionHandler({ stripe, components, resolveCustomer: () => ({ customer: white }), rateLimit: wrapper, stripeBudget: false });
    const alsoWhite = { statuses: await Promise.all(Array.from({ length: 5 }, () => whiteHandler(post()).then((r) => r.status))) };
    // `white` does not end in _white: the wrapped limit applies, 2 sessions.
    expect(alsoWhite.statuses.filter((s) => s === 200)).toHaveLength(2);
    const listed = await burst(new RLWrapperBlackAndWhite({ limiter: memory(1, 60, 'lists-white'), isWhiteListed: () => true }), 6);
    expect(listed.sessions).toBe(6);
  });

  it('RLWrapperTimeouts around a limiter: its limit holds', async () => {
    const result = await burst(new RLWrapperTimeouts({ limiter: memory(3, 60, 'timeouts'), timeoutMs: 500 }), 8);
    expect(result.sessions).toBe(3);
  });
});

describe("a failing store under 'allow' falls back to an in-memory limit with the same numbers", () => {
  it('RateLimiterRedis with Redis down: 100 concurrent requests make 5 Stripe calls (points: 5), each failure reported', async () => {
    const result = await burst(deadRedis(5, 60), 100);
    expect(result.sessions).toBe(5);
    expect(result.statuses.filter((s) => s === 429)).toHaveLength(95);
    expect(Math.min(...result.retryAfter)).toBeGreaterThanOrEqual(59);
    expect(result.onError).toHaveBeenCalledTimes(100);
    expect(result.onError.mock.calls[0]?.[0]).toMatchObject({ name: 'RateLimiterUnavailableError', reason: 'error', scope: 'customer' });
  });

  it('a limiter of unknown numbers falls back to the default, 360 per 60 s', async () => {
    const broken: CustomerSessionRateLimiter = { consume: () => Promise.reject(new Error('ECONNREFUSED')) };
    const result = await burst(broken, 400);
    expect(result.sessions).toBe(360);
    expect(result.onError).toHaveBeenCalledWith(expect.any(RateLimiterUnavailableError), expect.any(Request));
  });

  it("the limiter's own insuranceLimiter is the fallback when it has one", async () => {
    const insured = new RateLimiterRedis({ storeClient: deadRedisClient(), points: 50, duration: 60, keyPrefix: 'insured', insuranceLimiter: memory(2, 60, 'own-insurance') });
    const result = await burst(insured, 6);
    expect(result.sessions).toBe(2);
  });

  it('a union of failing stores falls back to a union of the same numbers', async () => {
    const union = new RateLimiterUnion(deadRedis(4, 60, 'dead-a'), deadRedis(2, 1, 'dead-b'));
    const result = await burst(union, 10);
    expect(result.sessions).toBe(2);
    expect(Math.min(...result.retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('a burst over failing stores falls back to the same rate and burst', async () => {
    const result = await burst(new BurstyRateLimiter(deadRedis(2, 60, 'dead-rate'), deadRedis(3, 10, 'dead-burst')), 10);
    expect(result.sessions).toBe(5);
  });

  it('a wrapper over a failing store falls back to the wrapped numbers', async () => {
    const result = await burst(new RLWrapperTimeouts({ limiter: deadRedis(3, 60, 'dead-wrapped'), timeoutMs: 500 }), 10);
    expect(result.sessions).toBe(3);
  });

  it("'deny' stays as it is: 503, no fallback", async () => {
    const customer = emulator.createCustomer().id;
    const handler = createCustomerSessionHandler({ stripe, components, resolveCustomer: () => customer, rateLimit: deadRedis(5, 60, 'dead-deny'), rateLimitFailure: 'deny', stripeBudget: false, onError: () => {} });
    const statuses = await Promise.all(Array.from({ length: 10 }, () => handler(post()).then((r) => r.status)));
    expect(statuses).toEqual(Array(10).fill(503));
    expect(sessionsFor(customer)).toBe(0);
  });
});
