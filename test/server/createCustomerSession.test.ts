import Stripe from 'stripe';
import { createCustomerSession, createCustomerSessionHandler } from '../../src/server';
import type { CustomerSession } from '../../src/server';
import { createEmulatorStripeClient, createStripeEmulator } from '../../src/testing';
import { shopPolicy, startSdkServer } from './sdkServer';

const policy = shopPolicy;

let ctx: Awaited<ReturnType<typeof startSdkServer>>;
let jenny: string;
beforeAll(async () => {
  ctx = await startSdkServer();
  jenny = ctx.emulator.createCustomer({ email: 'jenny@example.com' }).id;
});
afterAll(() => ctx.server.close());

const enabled = (session: CustomerSession) =>
  Object.entries(session.components).filter(([, c]) => c.enabled).map(([name]) => name).sort();

describe('createCustomerSession through the official SDK and the emulator on a socket', () => {
  it('returns the plain Customer Session, serializable as a prop', async () => {
    const session = await createCustomerSession({ stripe: ctx.stripe, customer: jenny, components: policy, narrow: ['pricing_table'] });
    expect(session).toMatchObject({ object: 'customer_session', customer: jenny, client_secret: expect.stringMatching(/^cuss_secret_/) });
    expect(enabled(session)).toEqual(['pricing_table']);
    expect(Object.getPrototypeOf(session)).toBe(Object.prototype);
    expect(session).not.toHaveProperty('lastResponse');
    expect(structuredClone(session)).toEqual(session);
    expect(JSON.parse(JSON.stringify(session))).toEqual(session);
    expect(ctx.emulator.requests.at(-1)?.params).toEqual({ customer: jenny, components: { pricing_table: { enabled: 'true' } } });
  });

  it('grants the whole policy without narrow or with an empty one, features from the policy', async () => {
    for (const narrow of [undefined, []]) {
      const session = await createCustomerSession({ stripe: ctx.stripe, customer: { customer: jenny }, components: policy, ...(narrow ? { narrow } : {}) });
      expect(enabled(session)).toEqual(['buy_button', 'payment_element', 'pricing_table']);
      expect(session.components.payment_element.features).toMatchObject({ payment_method_save: 'enabled', payment_method_save_usage: 'off_session' });
    }
  });

  it('takes { customer_account }', async () => {
    const session = await createCustomerSession({ stripe: ctx.stripe, customer: { customer_account: 'acct_1ShopAccount' }, components: policy, narrow: ['buy_button'] });
    expect(session.customer_account).toBe('acct_1ShopAccount');
    expect(ctx.emulator.requests.at(-1)?.params).toMatchObject({ customer_account: 'acct_1ShopAccount' });
  });

  it('answers what the handler answers for the same customer and narrowing: one code path', async () => {
    const handler = createCustomerSessionHandler({ stripe: ctx.stripe, resolveCustomer: () => jenny, components: policy });
    const response = await handler(
      new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"components":["payment_element"]}' }),
    );
    const viaHandler = (await response.json()) as CustomerSession;
    const direct = await createCustomerSession({ stripe: ctx.stripe, customer: jenny, components: policy, narrow: ['payment_element'] });
    const shape = (s: CustomerSession) => ({ ...s, client_secret: 'x', created: 0, expires_at: 0 });
    expect(shape(direct)).toEqual(shape(viaHandler));
  });

  it('passes Stripe errors on unchanged (the SDK error, for the app to handle)', async () => {
    const failure = createCustomerSession({ stripe: ctx.stripe, customer: 'cus_doesNotExist', components: policy });
    await expect(failure).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(failure).rejects.toMatchObject({ code: 'resource_missing', param: 'customer' });
  });
});

describe('createCustomerSession refuses bad options before calling Stripe', () => {
  const emulator = createStripeEmulator();
  const stripe = createEmulatorStripeClient(emulator);
  const call = (extra: Record<string, unknown>) =>
    createCustomerSession({ stripe, customer: 'cus_any', components: policy, ...extra } as Parameters<typeof createCustomerSession>[0]);

  afterEach(() => expect(emulator.requests).toHaveLength(0));

  it('names the offending param of a bad policy, as the handler does', async () => {
    const bad = { payment_element: { enabled: true, features: { payment_method_redisplay_limit: 11 } } };
    await expect(call({ components: bad })).rejects.toThrow(TypeError);
    await expect(call({ components: bad })).rejects.toThrow(/^createCustomerSession: invalid components policy\n.*components\[payment_element\]\[features\]\[payment_method_redisplay_limit\]/);
    expect(() => createCustomerSessionHandler({ stripe, resolveCustomer: () => null, components: bad as never })).toThrow(
      /components\[payment_element\]\[features\]\[payment_method_redisplay_limit\]/,
    );
  });

  it('refuses a narrow outside the policy or naming no component', async () => {
    await expect(call({ components: { pricing_table: { enabled: true } }, narrow: ['payment_element'] })).rejects.toThrow(/narrow: .*payment_element/);
    await expect(call({ narrow: ['checkout'] })).rejects.toThrow(/unknown components: checkout/);
    await expect(call({ narrow: 'pricing_table' })).rejects.toThrow(/narrow must be an array/);
  });

  it('needs a customer and a Stripe client', async () => {
    await expect(call({ customer: null })).rejects.toThrow(/customer is required/);
    await expect(call({ customer: '' })).rejects.toThrow(/customer must be .*empty string/);
    await expect(call({ customer: { customer: 'cus_1', customer_account: 'acct_1' } })).rejects.toThrow(TypeError);
    await expect(call({ stripe: {} })).rejects.toThrow(/stripe must be a Stripe client/);
  });
});
