import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { createCustomerSessionHandler, RateLimiterUnavailableError } from '../../src/server';
import type { CustomerSessionHandlerOptions, RateLimitFailureMode } from '../../src/server';
import { createEmulatorStripeClient, createStripeEmulator } from '../../src/testing';
import { startRedisServer, type RedisServer } from '../helpers/redisServer';

// A real redis-server, and a RateLimiterRedis per handler instance, each with its own ioredis
// connection: what separate server instances (or serverless functions) of one shop look like.
let redis: RedisServer;
const clients: Redis[] = [];
const emulator = createStripeEmulator();
const stripe = createEmulatorStripeClient(emulator);
const components = { pricing_table: { enabled: true } };
const sessionsFor = (customer: string) => emulator.requests.filter((r) => r.params.customer === customer).length;

beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await redis?.stop();
});

async function instance(customer: string, extra: Partial<CustomerSessionHandlerOptions> & { offlineQueue?: boolean } = {}) {
  const { offlineQueue = true, ...options } = extra;
  // The default ioredis client queues commands while it reconnects (a store that stops answering);
  // with the offline queue off it fails them at once (a store that errors).
  const client = new Redis({ port: redis.port, host: '127.0.0.1', lazyConnect: false, ...(offlineQueue ? {} : { enableOfflineQueue: false, maxRetriesPerRequest: 0 }) });
  client.on('error', () => {}); // connection errors while Redis is down are the point of the test
  clients.push(client);
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
  const onError = vi.fn();
  const limiter = new RateLimiterRedis({ storeClient: client, points: 5, duration: 60, keyPrefix: 'customer-session-test' });
  const handler = createCustomerSessionHandler({ stripe, components, resolveCustomer: () => customer, rateLimit: limiter, rateLimitTimeoutMs: 300, onError, ...options });
  return { handler, onError, client };
}

const post = () => new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });

describe('RateLimiterRedis on a real redis-server', () => {
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
      redis = await startRedisServer();
    }
  });
});
