import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { createCustomerSessionHandler, RateLimiterUnavailableError } from '../../src/server';
import type { CustomerSessionHandlerOptions, RateLimitFailureMode } from '../../src/server';
import { createEmulatorStripeClient, createStripeEmulator } from '../../src/testing';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redisServer';

// A real Redis (REDIS_URL, or a redis-server on PATH started for this file; skipped without either
// unless REQUIRE_SERVICES=1), and a RateLimiterRedis per handler instance, each with its own ioredis
// connection: what separate server instances (or serverless functions) of one shop look like.
let redis: RedisServer;
const clients: Redis[] = [];
const emulator = createStripeEmulator();
const stripe = createEmulatorStripeClient(emulator);
const components = { pricing_table: { enabled: true } };
const sessionsFor = (customer: string) => emulator.requests.filter((r) => r.params.customer === customer).length;

// Keys of its own, so a shared REDIS_URL server holds no budget from an earlier run.
const keyPrefix = `customer-session-test-${randomUUID()}`;

beforeAll(async () => {
  if (redisAvailable()) redis = await startRedis();
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await redis?.stop();
});

async function instance(customer: string, extra: Partial<CustomerSessionHandlerOptions> & { offlineQueue?: boolean } = {}) {
  const { offlineQueue = true, ...options } = extra;
  // The default ioredis client queues commands while it reconnects (a store that stops answering);
  // with the offline queue off it fails them at once (a store that errors).
  const client = new Redis(redis.url, { lazyConnect: false, ...(offlineQueue ? {} : { enableOfflineQueue: false, maxRetriesPerRequest: 0 }) });
  client.on('error', () => {}); // connection errors while Redis is down are the point of the test
  clients.push(client);
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
  const onError = vi.fn();
  const limiter = new RateLimiterRedis({ storeClient: client, points: 5, duration: 60, keyPrefix });
  const handler = createCustomerSessionHandler({ stripe, components, resolveCustomer: () => customer, rateLimit: limiter, rateLimitTimeoutMs: 300, onError, stripeBudget: false, ...options });
  return { handler, onError, client };
}

const post = () => new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });

describe.skipIf(!redisAvailable())('RateLimiterRedis on a real Redis', () => {
  it('two handler instances with separate memory share one budget per customer', async () => {
    const customer = emulator.createCustomer().id;
    const a = await instance(customer);
    const b = await instance(customer);
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) seen.push((await (i % 2 === 0 ? a : b).handler(post())).status);
    expect(seen).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(sessionsFor(customer)).toBe(5);
    const refused = await b.handler(post());
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(a.onError).not.toHaveBeenCalled();
  });

  it('a batch spends one point per session in the shared store, all or nothing', async () => {
    const customer = emulator.createCustomer().id;
    const [a, b] = [await instance(customer), await instance(customer)];
    const batch = (size: number) =>
      new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sessions: Array.from({ length: size }, () => ['pricing_table']) }) });
    expect((await a.handler(batch(3))).status).toBe(200);
    expect((await b.handler(batch(3))).status).toBe(429); // 3 + 3 > 5: none of the second batch
    expect(sessionsFor(customer)).toBe(3);
  });

  it.each([
    ['allow', 200, true],
    ['allow', 200, false],
    ['deny', 503, true],
    ['deny', 503, false],
  ] as const)("Redis stopped mid-run: '%s' answers %i (offline queue %s), reported, nothing hangs", async (mode: RateLimitFailureMode, status, offlineQueue) => {
    const customer = emulator.createCustomer().id;
    const server = await instance(customer, { rateLimitFailure: mode, offlineQueue });
    expect((await server.handler(post())).status).toBe(200);
    await redis.stop();
    try {
      const started = performance.now();
      const responses = await Promise.all([server.handler(post()), server.handler(post())]);
      expect(responses.map((r) => r.status)).toEqual([status, status]);
      // Bounded by rateLimitTimeoutMs (300 ms), never by ioredis's reconnect schedule.
      expect(performance.now() - started).toBeLessThan(3000);
      expect(server.onError).toHaveBeenCalledWith(expect.any(RateLimiterUnavailableError), expect.any(Request));
      // A queued command never answers (the timeout decides); without the queue the store errors at once.
      expect(server.onError.mock.calls[0]?.[0]).toMatchObject({ reason: offlineQueue ? 'timeout' : 'error' });
      expect(sessionsFor(customer)).toBe(mode === 'allow' ? 3 : 1);
    } finally {
      server.client.disconnect();
      redis = await startRedis();
    }
  });

  it.each([true, false])("Redis stopped: 100 concurrent requests under 'allow' make 5 Stripe calls, the limiter's own numbers in memory (offline queue %s)", async (offlineQueue) => {
    const customer = emulator.createCustomer().id;
    const server = await instance(customer, { offlineQueue });
    await redis.stop();
    try {
      const responses = await Promise.all(Array.from({ length: 100 }, () => server.handler(post())));
      expect(responses.filter((r) => r.status === 200)).toHaveLength(5);
      expect(responses.filter((r) => r.status === 429)).toHaveLength(95);
      expect(sessionsFor(customer)).toBe(5);
    } finally {
      server.client.disconnect();
      redis = await startRedis();
    }
  });
});

describe.skipIf(!redisAvailable())('a Stripe budget in Redis, shared by two instances', () => {
  it('two handler instances with separate memory and connections stay within one budget together', async () => {
    const handlers = await Promise.all(
      [0, 1].map(async () => {
        const client = new Redis(redis.url);
        clients.push(client);
        if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
        // 6 sessions per 10 s (not per second) so the test never straddles a window.
        const budget = new RateLimiterRedis({ storeClient: client, points: 6, duration: 10, keyPrefix: `${keyPrefix}-budget` });
        return createCustomerSessionHandler({ stripe, components, resolveCustomer: (r) => r.headers.get('cookie'), stripeBudget: budget });
      }),
    );
    const shoppers = Array.from({ length: 20 }, () => emulator.createCustomer().id);
    const before = emulator.requests.length;
    const responses = await Promise.all(
      shoppers.map((customer, i) =>
        (handlers[i % 2] as (r: Request) => Promise<Response>)(
          new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: customer }, body: '{}' }),
        ),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(6);
    expect(emulator.requests.length - before).toBe(6);
    const refused = responses.filter((r) => r.status === 429);
    expect(refused).toHaveLength(14);
    for (const response of refused) {
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/across the shop/);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
  });
});
