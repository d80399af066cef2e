import Stripe from 'stripe';
import type { ListeningEmulator } from '../../src/testing/emulator/listen';
import { createEmulatorStripeClient } from '../../src/testing/createEmulatorStripeClient';
import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { seedSavedCards } from '../../src/testing/seedSavedCards';
import { rejection, startSdkServer } from '../server/sdkServer';

// Saved cards through the official SDK, unmodified, over a real socket.
let server: ListeningEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ server, stripe } = await startSdkServer());
});
afterAll(() => server.close());

describe('card PaymentMethods through the official SDK', () => {
  it('creates from a test token, attaches, lists in the list envelope and detaches', async () => {
    const customer = await stripe.customers.create({ email: 'jenny@example.com' });
    const created = await stripe.paymentMethods.create({ type: 'card', card: { token: 'tok_mastercard' }, allow_redisplay: 'always' });
    expect(created).toMatchObject({ object: 'payment_method', type: 'card', customer: null, allow_redisplay: 'always', livemode: false });
    expect(created.id).toMatch(/^pm_[A-Za-z0-9]{24}$/);
    expect(created.card).toMatchObject({ brand: 'mastercard', last4: '4444', exp_month: 12 });

    const attached = await stripe.paymentMethods.attach(created.id, { customer: customer.id });
    expect(attached.customer).toBe(customer.id);

    const list = await stripe.customers.listPaymentMethods(customer.id);
    expect(list).toMatchObject({ object: 'list', has_more: false, url: `/v1/customers/${customer.id}/payment_methods` });
    expect(list.data.map((method) => method.id)).toEqual([created.id]);

    const detached = await stripe.paymentMethods.detach(created.id);
    expect(detached.customer).toBeNull();
    expect((await stripe.customers.listPaymentMethods(customer.id)).data).toEqual([]);
  });

  it('reads brand and last 4 from a card number', async () => {
    const method = await stripe.paymentMethods.create({ type: 'card', card: { number: '378282246310005', exp_month: 4, exp_year: 2040, cvc: '1234' } });
    expect(method.card).toMatchObject({ brand: 'amex', last4: '0005', exp_month: 4, exp_year: 2040 });
    expect(method.allow_redisplay).toBe('unspecified');
  });

  it('lists newest first, filters by allow_redisplay and pages with limit and starting_after', async () => {
    const customer = await stripe.customers.create();
    const seeded = seedSavedCards(server.emulator, customer.id, ['always', 'limited', 'always', 'unspecified', 'always']);
    const newestFirst = seeded.map((method) => method.id).reverse();

    const first = await stripe.customers.listPaymentMethods(customer.id, { limit: 2 });
    expect(first.data.map((method) => method.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.has_more).toBe(true);
    const all = await stripe.customers.listPaymentMethods(customer.id, { limit: 2 }).autoPagingToArray({ limit: 10 });
    expect(all.map((method) => method.id)).toEqual(newestFirst);

    const always = await stripe.customers.listPaymentMethods(customer.id, { allow_redisplay: 'always', type: 'card' });
    expect(always.data.map((method) => method.allow_redisplay)).toEqual(['always', 'always', 'always']);
    expect((await stripe.customers.listPaymentMethods(customer.id, { type: 'sepa_debit' })).data).toEqual([]);
  });

  it("answers Stripe's errors: unknown ids, double attach, detaching a detached method, bad params", async () => {
    const [a, b] = [await stripe.customers.create(), await stripe.customers.create()];
    const method = await stripe.paymentMethods.create({ type: 'card', card: { token: 'tok_visa' } });

    expect(await rejection(stripe.paymentMethods.attach('pm_missing', { customer: a.id }))).toMatchObject({
      statusCode: 404, code: 'resource_missing', param: 'payment_method', message: "No such PaymentMethod: 'pm_missing'",
    });
    expect(await rejection(stripe.paymentMethods.attach(method.id, { customer: 'cus_missing' }))).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'customer' });
    await stripe.paymentMethods.attach(method.id, { customer: a.id });
    expect((await stripe.paymentMethods.attach(method.id, { customer: a.id })).customer).toBe(a.id);
    expect((await rejection(stripe.paymentMethods.attach(method.id, { customer: b.id }))).message).toMatch(/already been attached/);
    await stripe.paymentMethods.detach(method.id);
    expect((await rejection(stripe.paymentMethods.detach(method.id))).message).toMatch(/not attached to a customer/);

    expect(await rejection(stripe.customers.listPaymentMethods('cus_missing'))).toMatchObject({ statusCode: 404, param: 'customer' });
    expect(await rejection(stripe.customers.listPaymentMethods(a.id, { limit: 101 }))).toMatchObject({ param: 'limit', code: 'parameter_invalid_integer' });
    expect(await rejection(stripe.paymentMethods.create({ type: 'card', card: { token: 'tok_nope' } }))).toMatchObject({ param: 'card[token]', code: 'resource_missing' });
    const declined = await rejection(stripe.paymentMethods.create({ type: 'card', card: { number: '42', exp_month: 1, exp_year: 2040 } }));
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({ statusCode: 402, code: 'invalid_number' });
    expect(await rejection(stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424242', exp_month: 13, exp_year: 2040 } }))).toMatchObject({ param: 'card[exp_month]' });
    expect(await rejection(stripe.paymentMethods.create({ type: 'card', card: { number: '4242424242424242', exp_month: 1, exp_year: 2001 } }))).toMatchObject({ code: 'invalid_expiry_year' });
  });
});

describe('seedSavedCards and the in-process client', () => {
  it('seeds distinct attached cards with their allow_redisplay, readable through createEmulatorStripeClient', async () => {
    const emulator = createStripeEmulator();
    const client = createEmulatorStripeClient(emulator);
    const { id } = emulator.createCustomer();
    const seeded = seedSavedCards(emulator, id, 12);
    expect(new Set(seeded.map((method) => `${method.card.brand} ${method.card.last4}`)).size).toBe(12);
    expect(seeded.every((method) => method.customer === id && method.allow_redisplay === 'always')).toBe(true);

    const page = await client.customers.listPaymentMethods(id, { limit: 100 });
    expect(page.data).toHaveLength(12);
    expect(page.data[0]?.id).toBe(seeded[11]?.id);
    await client.paymentMethods.detach(seeded[11]?.id ?? '');
    expect((await client.customers.listPaymentMethods(id)).data[0]?.id).toBe(seeded[10]?.id);
    expect(() => emulator.createPaymentMethod({ brand: 'visa', last4: '4242', exp_month: 1, exp_year: 2040, customer: 'cus_nobody' })).toThrow("No such customer: 'cus_nobody'");
  });
});
