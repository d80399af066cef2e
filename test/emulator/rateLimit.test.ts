import Stripe from 'stripe';
import { createStripeEmulator, type ListeningEmulator } from '../../src/testing';
import { rejection, startSdkServer } from '../server/sdkServer';
import { call } from './support';

// Stripe's account rate limit, offline: the official SDK over a socket meets Stripe's own 429.
let server: ListeningEmulator;
let stripe: Stripe;
let now = Date.UTC(2026, 11, 2, 9, 0, 0);

beforeAll(async () => {
  ({ server, stripe } = await startSdkServer({ rateLimit: { perSecond: 3 }, now: () => now }));
});
afterAll(() => server.close());

describe('createStripeEmulator({ rateLimit: { perSecond } })', () => {
  it("answers beyond the limit with Stripe's own 429, which the official SDK raises as StripeRateLimitError", async () => {
    now += 10_000; // a full bucket
    const customer = (await stripe.customers.create()).id;
    await stripe.customerSessions.create({ customer, components: { pricing_table: { enabled: true } } });
    await stripe.customers.listPaymentMethods(customer); // every endpoint counts against the account
    const error = await rejection(stripe.customerSessions.create({ customer, components: { pricing_table: { enabled: true } } }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(error).toMatchObject({ type: 'StripeRateLimitError', rawType: 'invalid_request_error', code: 'rate_limit', statusCode: 429 });
    expect(error.doc_url).toBe('https://stripe.com/docs/error-codes/rate-limit');
    expect(error.message).toMatch(/^Request rate limit exceeded/);
  });

  it('refills at perSecond: a third of a second later one more request goes through, then none', async () => {
    now += 10_000;
    const customer = (await stripe.customers.create()).id;
    await stripe.customers.listPaymentMethods(customer);
    await stripe.customers.listPaymentMethods(customer);
    await expect(stripe.customers.listPaymentMethods(customer)).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    now += 334;
    await expect(stripe.customers.listPaymentMethods(customer)).resolves.toMatchObject({ object: 'list' });
    await expect(stripe.customers.listPaymentMethods(customer)).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
  });

  it('a refused request is not processed: no customer created, nothing recorded', async () => {
    now += 10_000;
    for (let i = 0; i < 3; i++) await stripe.customers.create({ email: `burst${i}@example.com` });
    const recorded = server.emulator.requests.length;
    await expect(stripe.customers.create({ email: 'refused@example.com' })).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(server.emulator.requests.length).toBe(recorded);
  });
});

describe('without rateLimit', () => {
  it('is off by default: 50 requests in the same instant all succeed', async () => {
    const emulator = createStripeEmulator({ now: () => 0 });
    const statuses = await Promise.all(Array.from({ length: 50 }, () => call(emulator, '/v1/customers', {}).then((r) => r.status)));
    expect(statuses).toEqual(Array(50).fill(200));
  });

  it.each([0, -1, Number.NaN, '25'])('refuses rateLimit.perSecond %s with a TypeError', (perSecond) => {
    expect(() => createStripeEmulator({ rateLimit: { perSecond: perSecond as number } })).toThrow(/rateLimit\.perSecond must be a positive number/);
  });
});
