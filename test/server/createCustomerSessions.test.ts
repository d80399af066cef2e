import Stripe from 'stripe';
import { installFakeDate } from '../helpers/fakeDate';
import { createCustomerSession, createCustomerSessionHandler, createCustomerSessions, CustomerSessionRateLimitError } from '../../src/server';
import type { CustomerSession, CustomerSessionBatchResponse, CustomerSessionComponentsParams } from '../../src/server';
import { createEmulatorStripeClient, createStripeEmulator } from '../../src/testing';
import { startSdkServer } from './sdkServer';

const policy: CustomerSessionComponentsParams = {
  payment_element: { enabled: true, features: { payment_method_redisplay: 'enabled' } },
  pricing_table: { enabled: true },
  buy_button: { enabled: true },
};

const enabledIn = (session: CustomerSession) =>
  Object.entries(session.components).filter(([, c]) => c.enabled).map(([name]) => name).sort();

describe('createCustomerSessions through the official SDK and the emulator on a socket', () => {
  let ctx: Awaited<ReturnType<typeof startSdkServer>>;
  let jenny: string;
  beforeAll(async () => {
    ctx = await startSdkServer();
    jenny = ctx.emulator.createCustomer().id;
  });
  afterAll(() => ctx.server.close());

  it('returns one plain session per entry, in order, each narrowed to its entry', async () => {
    const sessions = await createCustomerSessions({ stripe: ctx.stripe, customer: jenny, components: policy, sessions: [[], ['pricing_table'], ['buy_button'], ['buy_button']], rateLimit: false, stripeBudget: false });
    expect(sessions.map(enabledIn)).toEqual([['buy_button', 'payment_element', 'pricing_table'], ['pricing_table'], ['buy_button'], ['buy_button']]);
    expect(new Set(sessions.map((s) => s.client_secret)).size).toBe(4);
    for (const session of sessions) {
      expect(Object.getPrototypeOf(session)).toBe(Object.prototype);
      expect(session).not.toHaveProperty('lastResponse');
      expect(session.customer).toBe(jenny);
    }
  });

  it('answers what the handler answers for the same batch: one code path', async () => {
    const batch = [['payment_element'], ['pricing_table', 'buy_button']] as const;
    const handler = createCustomerSessionHandler({ stripe: ctx.stripe, resolveCustomer: () => jenny, components: policy, rateLimit: false, stripeBudget: false });
    const response = await handler(new Request('http://shop.test/x', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sessions: batch }) }));
    const viaHandler = ((await response.json()) as CustomerSessionBatchResponse).sessions;
    const direct = await createCustomerSessions({ stripe: ctx.stripe, customer: jenny, components: policy, sessions: batch, rateLimit: false, stripeBudget: false });
    const shape = (s: CustomerSession) => ({ ...s, client_secret: 'x', created: 0, expires_at: 0 });
    expect(direct.map(shape)).toEqual(viaHandler.map(shape));
  });

  it('throws the first Stripe error by index, unchanged', async () => {
    const failure = createCustomerSessions({ stripe: ctx.stripe, customer: 'cus_doesNotExist', components: policy, sessions: [['pricing_table'], ['buy_button']], rateLimit: false, stripeBudget: false });
    await expect(failure).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(failure).rejects.toMatchObject({ code: 'resource_missing', param: 'customer' });
  });
});

describe('createCustomerSessions refuses bad options before calling Stripe', () => {
  const emulator = createStripeEmulator();
  const stripe = createEmulatorStripeClient(emulator);
  const call = (extra: Record<string, unknown>) =>
    createCustomerSessions({ stripe, customer: 'cus_any', components: policy, sessions: [['pricing_table']], rateLimit: false, stripeBudget: false, ...extra } as Parameters<typeof createCustomerSessions>[0]);
  afterEach(() => expect(emulator.requests).toHaveLength(0));

  it.each([
    ['sessions missing', { sessions: undefined }, /^createCustomerSessions: Invalid array: sessions must be a non-empty array/],
    ['sessions empty', { sessions: [] }, /sessions must be a non-empty array/],
    ['33 entries', { sessions: Array.from({ length: 33 }, () => ['buy_button']) }, /33 sessions; at most 32/],
    ['an entry not an array', { sessions: [['buy_button'], 'pricing_table'] }, /^createCustomerSessions: sessions\[1\] must be an array of component names/],
    ['an undefined entry', { sessions: [['buy_button'], undefined] }, /sessions\[1\] must be an array/],
    // eslint-disable-next-line no-sparse-arrays
    ['a hole', { sessions: [['buy_button'], , ['pricing_table']] }, /sessions\[1\] must be an array/],
    ['an unknown name', { sessions: [['checkout']] }, /^createCustomerSessions: sessions\[0\] names unknown components: checkout\./],
    ['a name outside the policy', { sessions: [['buy_button'], ['customer_sheet']] }, /^createCustomerSessions: sessions\[1\]: This endpoint does not enable customer_sheet/],
    ['a bad policy', { components: { payment_element: { enabled: true, features: { payment_method_redisplay_limit: 11 } } } }, /components\[payment_element\]\[features\]\[payment_method_redisplay_limit\]/],
    ['no customer', { customer: null }, /^createCustomerSessions: customer is required/],
    ['no Stripe client', { stripe: {} }, /^createCustomerSessions: stripe must be a Stripe client/],
  ])('%s: a TypeError naming it', async (_label, extra, message) => {
    const failure = call(extra);
    await expect(failure).rejects.toThrow(TypeError);
    await expect(failure).rejects.toThrow(message);
  });
});

describe('createCustomerSessions and the rate limit', () => {
  const emulator = createStripeEmulator();
  const stripe = createEmulatorStripeClient(emulator);
  const sessionsFor = (customer: string) => emulator.requests.filter((r) => r.path === '/v1/customer_sessions' && r.params.customer === customer).length;
  installFakeDate(Date.UTC(2026, 11, 2, 9, 0, 0));

  it('spends one point per session from the budget the handler and createCustomerSession share, all or nothing', async () => {
    const customer = emulator.createCustomer().id;
    const rateLimit = { points: 10, durationSeconds: 60 };
    await createCustomerSession({ stripe, customer, components: policy, rateLimit, stripeBudget: false });
    await expect(createCustomerSessions({ stripe, customer, components: policy, rateLimit, stripeBudget: false, sessions: Array.from({ length: 7 }, () => ['buy_button']) })).resolves.toHaveLength(7);
    // 8 of 10 spent: a batch of 3 does not fit and creates nothing (rate-limiter-flexible still counts
    // the refused points, so the window stays closed until it ends).
    const refusal = createCustomerSessions({ stripe, customer, components: policy, rateLimit, stripeBudget: false, sessions: [['buy_button'], ['buy_button'], ['pricing_table']] });
    await expect(refusal).rejects.toBeInstanceOf(CustomerSessionRateLimitError);
    await expect(refusal).rejects.toMatchObject({ status: 429, reason: 'limited', retryAfterSeconds: 60 });
    expect(sessionsFor(customer)).toBe(8);
    vi.setSystemTime(Date.now() + 60_001);
    await expect(createCustomerSessions({ stripe, customer, components: policy, rateLimit, stripeBudget: false, sessions: [['buy_button'], ['pricing_table']] })).resolves.toHaveLength(2);
    expect(sessionsFor(customer)).toBe(10);
  });

  it('passes the batch size to a limiter object in one consume', async () => {
    const consume = vi.fn(() => Promise.resolve());
    await createCustomerSessions({ stripe, customer: { customer_account: 'acct_1Shop' }, components: policy, rateLimit: { consume }, stripeBudget: false, sessions: [['buy_button'], ['buy_button'], ['pricing_table']] });
    expect(consume).toHaveBeenCalledExactlyOnceWith('customer_account:acct_1Shop', 3);
  });
});
