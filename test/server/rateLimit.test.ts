import { createCustomerSession, createCustomerSessionHandler, CustomerSessionRateLimitError } from '../../src/server';
import { installFakeDate } from '../helpers/fakeDate';
import type { CustomerSessionHandlerOptions, StripeErrorBody } from '../../src/server';
import { createEmulatorStripeClient, createStripeEmulator } from '../../src/testing';

const components = { pricing_table: { enabled: true }, buy_button: { enabled: true } };
const emulator = createStripeEmulator();
const stripe = createEmulatorStripeClient(emulator);
const sessionsFor = (customer: string) =>
  emulator.requests.filter((r) => r.path === '/v1/customer_sessions' && r.params.customer === customer).length;

function post(cookie = 'signed-in', body = '{}'): Request {
  return new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body });
}

function handlerFor(customer: string, extra: Partial<CustomerSessionHandlerOptions> = {}) {
  return createCustomerSessionHandler({ stripe, components, resolveCustomer: (r) => (r.headers.get('cookie') ? customer : null), stripeBudget: false, ...extra });
}

async function statuses(handler: (r: Request) => Promise<Response>, count: number): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i++) result.push((await handler(post())).status);
  return result;
}

installFakeDate(Date.UTC(2026, 10, 29, 12, 0, 0));

describe('rate limit: on by default, 360 sessions per customer per 60 s', () => {
  it('answers the 361st request 429 rate_limit_error with Retry-After and no-store, without calling Stripe', async () => {
    const customer = emulator.createCustomer().id;
    const handler = handlerFor(customer);
    expect(await statuses(handler, 360)).toEqual(Array(360).fill(200));
    vi.setSystemTime(Date.now() + 15_000);
    const refused = await handler(post());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(refused.headers.get('content-type')).toBe('application/json');
    const { error } = (await refused.json()) as StripeErrorBody;
    expect(error).toEqual({ type: 'rate_limit_error', message: expect.stringMatching(/Too many Customer Sessions/) });
    expect(sessionsFor(customer)).toBe(360);
  });

  it('keeps customers apart, and opens again when the window has passed', async () => {
    const [a, b] = [emulator.createCustomer().id, emulator.createCustomer().id];
    await statuses(handlerFor(a), 360);
    expect((await handlerFor(a)(post())).status).toBe(429);
    expect((await handlerFor(b)(post())).status).toBe(200);
    vi.setSystemTime(Date.now() + 60_001);
    expect((await handlerFor(a)(post())).status).toBe(200);
  });

  it('createCustomerSession spends from the same budget as the handler', async () => {
    const customer = emulator.createCustomer().id;
    await statuses(handlerFor(customer), 359);
    await expect(createCustomerSession({ stripe, customer, components })).resolves.toMatchObject({ customer });
    const refusal = createCustomerSession({ stripe, customer, components });
    await expect(refusal).rejects.toBeInstanceOf(CustomerSessionRateLimitError);
    await expect(refusal).rejects.toMatchObject({ status: 429, reason: 'limited', retryAfterSeconds: 60, error: { type: 'rate_limit_error' } });
    expect((await handlerFor(customer)(post())).status).toBe(429);
    expect(sessionsFor(customer)).toBe(360);
  });
});

describe('rate limit: one in-memory budget per process, however many copies of the package it holds', () => {
  it("a second copy (Next.js bundles a page's and a route's separately) spends the first copy's budgets", async () => {
    // A fresh module graph stands for the second bundle's copy of the package.
    vi.resetModules();
    const copy = await import('../../src/server');
    const customer = emulator.createCustomer().id;
    await statuses(handlerFor(customer), 359);
    await expect(copy.createCustomerSession({ stripe, customer, components })).resolves.toMatchObject({ customer });
    await expect(copy.createCustomerSession({ stripe, customer, components })).rejects.toMatchObject({ status: 429, scope: 'customer' });
    expect((await handlerFor(customer)(post())).status).toBe(429);

    // The shop's Stripe budget too: ten sessions a second between both copies.
    vi.setSystemTime(Date.now() + 60_001);
    const others = Array.from({ length: 11 }, () => emulator.createCustomer().id);
    for (const other of others.slice(0, 10)) await copy.createCustomerSession({ stripe, customer: other, components, rateLimit: false });
    const refused = await handlerFor(others[10] as string, { stripeBudget: undefined, rateLimit: false })(post());
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as StripeErrorBody).error.message).toMatch(/across the shop/);
  });
});

describe('rate limit: the options', () => {
  it('{ points, durationSeconds } changes the numbers; Retry-After rounds up to whole seconds', async () => {
    const customer = emulator.createCustomer().id;
    const handler = handlerFor(customer, { rateLimit: { points: 3, durationSeconds: 10 } });
    expect(await statuses(handler, 4)).toEqual([200, 200, 200, 429]);
    vi.setSystemTime(Date.now() + 8_500);
    expect((await handler(post())).headers.get('retry-after')).toBe('2');
  });

  it('false turns it off', async () => {
    const customer = emulator.createCustomer().id;
    expect(await statuses(handlerFor(customer, { rateLimit: false }), 30)).toEqual(Array(30).fill(200));
  });

  it('a limiter object gets the resolved customer as the key, after auth and never from the body', async () => {
    const consume = vi.fn((key: string, points?: number) => (key === 'customer:cus_Over' ? Promise.reject({ msBeforeNext: 1500, remainingPoints: 0 }) : Promise.resolve({ key, points })));
    const limiter = { consume };
    const customer = emulator.createCustomer().id;
    expect((await handlerFor(customer, { rateLimit: limiter })(post('', '{}'))).status).toBe(401);
    expect(consume).not.toHaveBeenCalled();

    await handlerFor(customer, { rateLimit: limiter })(post('signed-in', JSON.stringify({ customer: 'cus_Over', components: ['pricing_table'] })));
    expect(consume).toHaveBeenLastCalledWith(`customer:${customer}`, 1);
    await createCustomerSessionHandler({ stripe, components, rateLimit: limiter, resolveCustomer: () => ({ customer_account: 'acct_1Shop' }) })(post());
    expect(consume).toHaveBeenLastCalledWith('customer_account:acct_1Shop', 1);

    const over = await createCustomerSessionHandler({ stripe, components, rateLimit: limiter, resolveCustomer: () => 'cus_Over' })(post());
    expect(over.status).toBe(429);
    expect(over.headers.get('retry-after')).toBe('2');
    expect(sessionsFor('cus_Over')).toBe(0);
  });

  it('refuses bad options at creation, naming them', () => {
    const make = (extra: Record<string, unknown>) => () => handlerFor('cus_1', extra as Partial<CustomerSessionHandlerOptions>);
    expect(make({ rateLimit: { points: 0, durationSeconds: 60 } })).toThrow(/rateLimit\.points/);
    expect(make({ rateLimit: { points: 5, durationSeconds: 1.5 } })).toThrow(/rateLimit\.durationSeconds/);
    expect(make({ rateLimit: true })).toThrow(/rateLimit must be false/);
    expect(make({ rateLimit: { consume: 'no' } })).toThrow(/rateLimit/);
    expect(make({ rateLimitFailure: 'maybe' })).toThrow(/rateLimitFailure must be 'allow' or 'deny'/);
    expect(make({ rateLimitTimeoutMs: 0 })).toThrow(/rateLimitTimeoutMs/);
  });
});
