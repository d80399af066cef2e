import { BurstyRateLimiter, RateLimiterRedis, RateLimiterUnion } from 'rate-limiter-flexible';
import { createCustomerSession, createCustomerSessionHandler } from '../../src/server';
import type { CustomerSessionRateLimiter } from '../../src/server';
import { enforceRateLimit, prepareRateLimit } from '../../src/server/rateLimit';
import { createEmulatorStripeClient, createStripeEmulator } from '../../src/testing';
import { deadRedisClient, disconnectDeadRedisClients } from '../helpers/deadRedis';
import { installFakeDate } from '../helpers/fakeDate';

// Under 'allow', a limiter whose store is down is stood in for by an in-memory one of the same shape and
// numbers. These pin what each shape answers, request by request, as the clock moves: the answers
// rate-limiter-flexible's own classes give (a block after the limit, a burst over a rate, a union).
const emulator = createStripeEmulator();
const stripe = createEmulatorStripeClient(emulator);
const components = { pricing_table: { enabled: true } };
const post = () => new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
const deadRedis = (points: number, duration: number, keyPrefix: string, blockDuration = 0) =>
  new RateLimiterRedis({ storeClient: deadRedisClient(), points, duration, keyPrefix, blockDuration });

// Each test starts an hour later.
const clock = installFakeDate(Date.UTC(2026, 11, 2, 11, 0, 0), 3_600_000);
afterAll(() => disconnectDeadRedisClients());
const atSecond = (seconds: number) => clock.at(seconds * 1000);

/** One customer of a handler limited by `rateLimit`, asking `count` times in turn: "200", or "429 <Retry-After>s". */
function customerOf(rateLimit: CustomerSessionRateLimiter) {
  const customer = emulator.createCustomer().id;
  const onError = vi.fn();
  const handler = createCustomerSessionHandler({ stripe, components, resolveCustomer: () => customer, rateLimit, stripeBudget: false, onError });
  const ask = async (count: number) => {
    const answers: string[] = [];
    for (let i = 0; i < count; i++) {
      const response = await handler(post());
      answers.push(response.status === 429 ? `429 ${response.headers.get('retry-after')}s` : String(response.status));
    }
    return answers;
  };
  return { ask, onError };
}

describe("the in-memory stand-in for a failing store ('allow')", () => {
  it("keeps the limiter's blockDuration: over the limit, the key is closed that long, from the first refusal only", async () => {
    const { ask, onError } = customerOf(deadRedis(2, 10, 'dead-blocking', 120));
    expect(await ask(3)).toEqual(['200', '200', '429 120s']);
    // The window (10 s) has passed, the block has not; a refusal within the block does not extend it.
    atSecond(10);
    expect(await ask(1)).toEqual(['429 110s']);
    atSecond(120);
    expect(await ask(1)).toEqual(['200']);
    expect(onError).toHaveBeenCalledTimes(5);
  });

  it('a burst over a rate: the burst counts only what the rate refuses, and a refusal waits for the sooner of the two', async () => {
    const { ask } = customerOf(new BurstyRateLimiter(deadRedis(2, 60, 'dead-rate'), deadRedis(3, 10, 'dead-burst')));
    // 2 on the rate, 3 on the burst; then the burst reopens in 10 s, before the rate does (60 s).
    expect(await ask(6)).toEqual(['200', '200', '200', '200', '200', '429 10s']);
    atSecond(10);
    expect(await ask(4)).toEqual(['200', '200', '200', '429 10s']);
    atSecond(60);
    expect(await ask(2)).toEqual(['200', '200']);
  });

  it('a union: every part counts every request, refused ones too, and a refusal waits for the longest refusing part', async () => {
    // The per-second part first: a union that stopped at the first refusal would never fill the other.
    const { ask } = customerOf(new RateLimiterUnion(deadRedis(2, 1, 'dead-second'), deadRedis(4, 60, 'dead-minute')));
    expect(await ask(5)).toEqual(['200', '200', '429 1s', '429 1s', '429 60s']);
    // The per-second part has reopened; the per-minute one counted the three refusals and stays closed.
    atSecond(1);
    expect(await ask(1)).toEqual(['429 59s']);
  });

  it("a burst as the Stripe budget: a batch larger than the rate's window goes through alone, as with the store", async () => {
    const budget = new BurstyRateLimiter(deadRedis(2, 1, 'dead-budget-rate'), deadRedis(3, 10, 'dead-budget-burst'));
    const prepared = prepareRateLimit({ rateLimit: false, stripeBudget: budget }, 'test');
    const report = vi.fn();
    await enforceRateLimit(prepared, { customer: 'cus_Big' }, report, 4);
    // Rate and burst are both over now: the next waits for the rate's window (1 s), the sooner.
    await expect(enforceRateLimit(prepared, { customer: 'cus_Next' }, report, 1)).rejects.toMatchObject({ scope: 'account', retryAfterSeconds: 1 });
    expect(report).toHaveBeenCalledTimes(2);
  });
});

describe('the stand-in is one per limiter object in the process', () => {
  it('a second copy of the package (a page and a route bundled apart) counts on the same stand-in', async () => {
    const shared: CustomerSessionRateLimiter & { points: number; duration: number } = {
      points: 2,
      duration: 60,
      consume: () => Promise.reject(new Error('store down')),
    };
    const customer = emulator.createCustomer().id;
    const options = { stripe, components, customer, rateLimit: shared, stripeBudget: false as const, onError: () => {} };
    vi.resetModules();
    const copy = await import('../../src/server');
    await createCustomerSession(options);
    await copy.createCustomerSession(options);
    await expect(copy.createCustomerSession(options)).rejects.toMatchObject({ status: 429, scope: 'customer' });
  });
});
