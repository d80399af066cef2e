import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { createCustomerSession, createCustomerSessionHandler, CustomerSessionRateLimitError, RateLimiterUnavailableError } from '../../src/server';
import type { CustomerSessionHandlerOptions, StripeErrorBody } from '../../src/server';
import { enforceRateLimit, prepareRateLimit } from '../../src/server/rateLimit';
import { createEmulatorStripeClient, createStripeEmulator } from '../../src/testing';
import { deadRedisClient, disconnectDeadRedisClients } from '../helpers/deadRedis';
import { installFakeDate } from '../helpers/fakeDate';

// The account-wide Stripe budget: sessions per second for the whole shop, whoever asks.
const emulator = createStripeEmulator();
const stripe = createEmulatorStripeClient(emulator);
const components = { pricing_table: { enabled: true } };
const sessionCalls = () => emulator.requests.filter((r) => r.path === '/v1/customer_sessions').length;
const post = (customer: string) =>
  new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: `customer=${customer}` }, body: '{}' });

function shop(extra: Partial<CustomerSessionHandlerOptions> = {}) {
  const handler = createCustomerSessionHandler({
    stripe,
    components,
    resolveCustomer: (request) => /customer=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? null,
    ...extra,
  });
  return (customer: string) => handler(post(customer));
}
const customers = (count: number) => Array.from({ length: count }, () => emulator.createCustomer().id);
const inTurn = async <T>(list: string[], ask: (customer: string) => Promise<T>) => {
  const results: T[] = [];
  for (const customer of list) results.push(await ask(customer));
  return results;
};

// Each test starts an hour later, so the process-wide default budget starts full.
const clock = installFakeDate(Date.UTC(2026, 11, 2, 11, 0, 0), 3_600_000);
afterAll(() => disconnectDeadRedisClients());

describe('stripeBudget: on by default, 10 sessions per second for the whole shop', () => {
  it('the 11th customer within a second gets 429 rate_limit_error with Retry-After and no-store; Stripe is not called', async () => {
    const ask = shop();
    const before = sessionCalls();
    const answers = await inTurn(customers(11), ask);
    expect(answers.map((r) => r.status)).toEqual([...Array(10).fill(200), 429]);
    expect(sessionCalls() - before).toBe(10);
    const refused = answers[10] as Response;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(((await refused.json()) as StripeErrorBody).error).toEqual({ type: 'rate_limit_error', message: expect.stringMatching(/across the shop/) });
    clock.at(1000);
    expect((await ask(emulator.createCustomer().id)).status).toBe(200);
  });

  it('createCustomerSession throws CustomerSessionRateLimitError with scope "account"; the per-customer one says "customer"', async () => {
    const list = customers(11);
    await inTurn(list.slice(0, 10), (customer) => createCustomerSession({ stripe, customer, components }));
    const overBudget = await createCustomerSession({ stripe, customer: list[10] as string, components }).catch((error: unknown) => error);
    expect(overBudget).toBeInstanceOf(CustomerSessionRateLimitError);
    expect(overBudget).toMatchObject({ scope: 'account', status: 429, reason: 'limited', retryAfterSeconds: 1 });
    const own = emulator.createCustomer().id;
    const options = { stripe, customer: own, components, rateLimit: { points: 1, durationSeconds: 60 }, stripeBudget: false } as const;
    await createCustomerSession(options);
    await expect(createCustomerSession(options)).rejects.toMatchObject({ scope: 'customer', status: 429 });
  });

  it('handlers and createCustomerSession of one process share the in-memory budget', async () => {
    const [a, b] = [shop(), shop()];
    const list = customers(12);
    const statuses = await inTurn(list.slice(0, 8), (customer) => (list.indexOf(customer) % 2 ? a : b)(customer).then((r) => r.status));
    await createCustomerSession({ stripe, customer: list[8] as string, components });
    await createCustomerSession({ stripe, customer: list[9] as string, components });
    statuses.push((await a(list[10] as string)).status, (await b(list[11] as string)).status);
    expect(statuses).toEqual([...Array(8).fill(200), 429, 429]);
  });
});

describe('stripeBudget: the options', () => {
  it('{ sessionsPerSecond } changes the number; false turns it off', async () => {
    expect((await inTurn(customers(4), shop({ stripeBudget: { sessionsPerSecond: 3 } }))).map((r) => r.status)).toEqual([200, 200, 200, 429]);
    const off = await Promise.all(customers(30).map(shop({ stripeBudget: false })));
    expect(off.every((r) => r.status === 200)).toBe(true);
  });

  it.each([0, 1.5, -3, '10', null])('refuses sessionsPerSecond %s at creation', (sessionsPerSecond) => {
    expect(() => shop({ stripeBudget: { sessionsPerSecond } as never })).toThrow(/stripeBudget\.sessionsPerSecond must be a positive integer/);
    expect(() => shop({ stripeBudget: 'on' as never })).toThrow(/stripeBudget must be false, \{ sessionsPerSecond \} or a limiter/);
  });

  it('one limiter object shared by two handlers: they share its budget', async () => {
    const budget = new RateLimiterMemory({ points: 4, duration: 1, keyPrefix: 'shared-budget' });
    const [a, b] = [shop({ stripeBudget: budget }), shop({ stripeBudget: budget })];
    const list = customers(10);
    const statuses = await inTurn(list, (customer) => (list.indexOf(customer) % 2 ? a : b)(customer).then((r) => r.status));
    expect(statuses.filter((s) => s === 200)).toHaveLength(4);
  });
});

describe('stripeBudget and the per-customer limit', () => {
  it('a customer over their own limit spends nothing of the budget', async () => {
    const ask = shop({ rateLimit: { points: 2, durationSeconds: 60 }, stripeBudget: { sessionsPerSecond: 5 } });
    const abuser = emulator.createCustomer().id;
    const abusive = await Promise.all(Array.from({ length: 20 }, () => ask(abuser)));
    expect(abusive.filter((r) => r.status === 200)).toHaveLength(2);
    const honest = await inTurn(customers(3), ask);
    expect(honest.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it("a customer refused by the budget gets their own points back: waiting is not theirs to pay for", async () => {
    const ask = shop({ rateLimit: { points: 2, durationSeconds: 60 }, stripeBudget: { sessionsPerSecond: 1 } });
    const [first, waiting] = customers(2) as [string, string];
    expect((await ask(first)).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const refused = await ask(waiting);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as StripeErrorBody).error.message).toMatch(/across the shop/);
    }
    // Without the refund the three refusals would have spent more than the customer's 2 points.
    clock.at(1000);
    expect((await ask(waiting)).status).toBe(200);
    clock.at(2000);
    expect((await ask(waiting)).status).toBe(200);
  });

  it('spreads refused customers over the next windows: Retry-After says when their turn comes', async () => {
    const ask = shop({ stripeBudget: { sessionsPerSecond: 2 } });
    const answers = await inTurn(customers(7), ask);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 429, 429, 429, 429, 429]);
    expect(answers.slice(2).map((r) => r.headers.get('retry-after'))).toEqual(['1', '1', '2', '2', '3']);
  });

  it('a batch larger than a window goes through alone on an empty window, then the budget stays closed for the windows it borrowed', async () => {
    const prepared = prepareRateLimit({ rateLimit: false, stripeBudget: { sessionsPerSecond: 4 } }, 'test');
    const report = vi.fn();
    await enforceRateLimit(prepared, { customer: 'cus_Small' }, report, 1);
    // The window already holds a session: the big batch waits for the next one.
    await expect(enforceRateLimit(prepared, { customer: 'cus_Big' }, report, 10)).rejects.toMatchObject({ scope: 'account', retryAfterSeconds: 1 });
    clock.at(1000);
    await enforceRateLimit(prepared, { customer: 'cus_Big' }, report, 10);
    await Promise.resolve(); // the block is fire-and-forget
    // 10 sessions at 4 a second borrowed three windows: closed until then.
    await expect(enforceRateLimit(prepared, { customer: 'cus_Next' }, report, 1)).rejects.toMatchObject({ scope: 'account', retryAfterSeconds: 3 });
    clock.at(1000 + 3000);
    await enforceRateLimit(prepared, { customer: 'cus_Next' }, report, 1);
  });

  it('a batch of N sessions spends N points at once', async () => {
    const prepared = prepareRateLimit({ rateLimit: false, stripeBudget: { sessionsPerSecond: 5 } }, 'test');
    const report = vi.fn();
    await enforceRateLimit(prepared, { customer: 'cus_Batch' }, report, 3);
    await expect(enforceRateLimit(prepared, { customer: 'cus_Batch' }, report, 3)).rejects.toMatchObject({ scope: 'account', status: 429 });
    clock.at(1000);
    await enforceRateLimit(prepared, { customer: 'cus_Batch' }, report, 5);
    await expect(enforceRateLimit(prepared, { customer: 'cus_Batch' }, report, 1)).rejects.toMatchObject({ scope: 'account' });
  });
});

describe('stripeBudget: a failing store follows rateLimitFailure', () => {
  const deadBudget = () => new RateLimiterRedis({ storeClient: deadRedisClient(), points: 3, duration: 1, keyPrefix: 'budget-down' });

  it("'allow': the same numbers in memory (3 of 10 customers), each failure reported with scope 'account'", async () => {
    const onError = vi.fn();
    const before = sessionCalls();
    const answers = await Promise.all(customers(10).map(shop({ stripeBudget: deadBudget(), onError })));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(3);
    expect(sessionCalls() - before).toBe(3);
    expect(onError).toHaveBeenCalledWith(expect.any(RateLimiterUnavailableError), expect.any(Request));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ scope: 'account', reason: 'error', message: expect.stringMatching(/Stripe budget/) });
  });

  it("'deny': 503 with scope 'account', Stripe not called", async () => {
    const before = sessionCalls();
    const refusal = createCustomerSession({ stripe, customer: emulator.createCustomer().id, components, stripeBudget: deadBudget(), rateLimitFailure: 'deny', onError: () => {} });
    await expect(refusal).rejects.toMatchObject({ name: 'CustomerSessionRateLimitError', status: 503, reason: 'limiter_unavailable', scope: 'account' });
    expect(sessionCalls()).toBe(before);
  });
});
