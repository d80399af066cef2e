import { buildCustomerSessionComponents } from '../../src/params/components';
import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { call } from './support';

const t0 = Date.UTC(2025, 9, 1, 12, 0, 0, 750);

function setup(options: Parameters<typeof createStripeEmulator>[0] = {}) {
  const emulator = createStripeEmulator({ now: () => t0, ...options });
  const customer = emulator.createCustomer({ email: 'jenny@example.com' });
  return { emulator, customer: customer.id };
}

describe('POST /v1/customer_sessions', () => {
  it('creates a session for an existing customer with Stripe\'s secret format, times and components', async () => {
    const { emulator, customer } = setup();
    const components = {
      payment_element: { enabled: true, features: { payment_method_redisplay: 'enabled' as const, payment_method_allow_redisplay_filters: ['always' as const, 'limited' as const] } },
    };
    const response = await call(emulator, '/v1/customer_sessions', { customer, components });
    expect(response.status).toBe(200);
    const created = Math.floor(t0 / 1000);
    expect(response.json).toEqual({
      object: 'customer_session',
      client_secret: expect.stringMatching(/^cuss_secret_[A-Za-z0-9]{47}$/),
      components: buildCustomerSessionComponents(components),
      created,
      customer,
      customer_account: null,
      expires_at: created + 1800,
      livemode: false,
    });
  });

  it('gives every session its own secret', async () => {
    const { emulator, customer } = setup();
    const body = { customer, components: { pricing_table: { enabled: true } } };
    const secrets = new Set<string>();
    for (let i = 0; i < 5; i += 1) secrets.add((await call(emulator, '/v1/customer_sessions', body)).json.client_secret);
    expect(secrets.size).toBe(5);
  });

  it('answers 400 resource_missing naming customer for a customer it does not know', async () => {
    const { emulator } = setup();
    const response = await call(emulator, '/v1/customer_sessions', { customer: 'cus_x', components: { buy_button: { enabled: true } } });
    expect(response.status).toBe(400);
    expect(response.json.error).toEqual({
      type: 'invalid_request_error',
      code: 'resource_missing',
      doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
      param: 'customer',
      message: "No such customer: 'cus_x'",
    });
  });

  it('accepts any acct_ id as customer_account and refuses other shapes', async () => {
    const { emulator } = setup();
    const components = { buy_button: { enabled: true } };
    const ok = await call(emulator, '/v1/customer_sessions', { customer_account: 'acct_1Nv0FGQ9RKHgCVdK', components });
    expect(ok.status).toBe(200);
    expect(ok.json.customer).toMatch(/^cus_/); // the Account's Customer: the schema's customer is never null
    expect(ok.json.customer_account).toBe('acct_1Nv0FGQ9RKHgCVdK');
    const bad = await call(emulator, '/v1/customer_sessions', { customer_account: 'cus_123', components });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'resource_missing', param: 'customer_account', message: "No such account: 'cus_123'" });
  });

  it('answers 400 invalid_request_error with the first offending param and its code', async () => {
    const { emulator, customer } = setup();
    const limit = await call(
      emulator,
      '/v1/customer_sessions',
      `customer=${customer}&components[payment_element][enabled]=true&components[payment_element][features][payment_method_redisplay_limit]=11`,
    );
    expect(limit.status).toBe(400);
    expect(limit.json.error).toEqual({
      type: 'invalid_request_error',
      code: 'parameter_invalid_integer',
      doc_url: 'https://stripe.com/docs/error-codes/parameter-invalid-integer',
      param: 'components[payment_element][features][payment_method_redisplay_limit]',
      message: 'This value must be less than or equal to 10.',
    });

    const several = await call(emulator, '/v1/customer_sessions', `components[buy_button][enabled]=maybe&components[nope][enabled]=true`);
    expect(several.json.error).toMatchObject({ code: 'parameter_unknown', param: 'components[nope]' });

    const none = await call(emulator, '/v1/customer_sessions', `customer=${customer}&components[buy_button][enabled]=false`);
    expect(none.json.error).toMatchObject({ param: 'components', message: 'At least 1 component must be enabled.' });

    const tooLong = await call(emulator, '/v1/customer_sessions', { customer: 'c'.repeat(5001), components: { buy_button: { enabled: true } } });
    expect(tooLong.json.error).toMatchObject({ code: 'parameter_invalid_string', param: 'customer' });
  });

  it('refuses a param named __proto__ as unknown, as Stripe would, rather than dropping it', async () => {
    const { emulator, customer } = setup();
    for (const [body, param] of [
      [`customer=${customer}&components[pricing_table][enabled]=true&components[pricing_table][__proto__]=x`, 'components[pricing_table][__proto__]'],
      [`customer=${customer}&components[customer_sheet][enabled]=false&components[customer_sheet][features][__proto__]=&components[buy_button][enabled]=true`, 'components[customer_sheet][features][__proto__]'],
      [`__proto__[polluted]=yes&customer=${customer}&components[buy_button][enabled]=true`, '__proto__'],
    ] as const) {
      const response = await call(emulator, '/v1/customer_sessions', body);
      expect(response.status).toBe(400);
      expect(response.json.error).toMatchObject({ code: 'parameter_unknown', param });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads every param of a long form body: none is dropped past the thousandth', async () => {
    const { emulator, customer } = setup();
    const filters = Array.from({ length: 1000 }, (_, i) => `components[payment_element][features][payment_method_allow_redisplay_filters][${i}]=always`);
    const body = [`customer=${customer}`, 'components[payment_element][enabled]=true', ...filters, 'nope=1'].join('&');
    const response = await call(emulator, '/v1/customer_sessions', body);
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ code: 'parameter_unknown', param: 'nope' });
  });

  it('validates before looking the customer up', async () => {
    const { emulator } = setup();
    const response = await call(emulator, '/v1/customer_sessions', { customer: 'cus_x', components: {} });
    expect(response.json.error.param).toBe('components');
  });

  it('echoes array features sent with form indices', async () => {
    const { emulator, customer } = setup();
    const body =
      `customer=${customer}&components[customer_sheet][enabled]=true` +
      '&components[customer_sheet][features][payment_method_allow_redisplay_filters][0]=limited' +
      '&components[customer_sheet][features][payment_method_allow_redisplay_filters][1]=unspecified';
    const response = await call(emulator, '/v1/customer_sessions', body);
    expect(response.json.components.customer_sheet).toEqual({
      enabled: true,
      features: { payment_method_allow_redisplay_filters: ['limited', 'unspecified'], payment_method_remove: null },
    });
  });
});

describe('emulator clock', () => {
  it('uses the injected time source and a configurable lifetime', async () => {
    const { emulator, customer } = setup({ sessionTtlSeconds: 60 });
    const { json } = await call(emulator, '/v1/customer_sessions', { customer, components: { buy_button: { enabled: true } } });
    expect(json.created).toBe(Math.floor(t0 / 1000));
    expect(json.expires_at - json.created).toBe(60);
  });

  it('moves created and expires_at with clock.set and clock.advance', async () => {
    const { emulator, customer } = setup();
    const body = { customer, components: { buy_button: { enabled: true } } };
    emulator.clock.set(1_700_000_000_000);
    expect((await call(emulator, '/v1/customer_sessions', body)).json.expires_at).toBe(1_700_000_000 + 1800);
    emulator.clock.advance(90_000);
    expect(emulator.clock.now()).toBe(1_700_000_090_000);
    const later = (await call(emulator, '/v1/customer_sessions', body)).json;
    expect(later.created).toBe(1_700_000_090);
    expect(later.expires_at).toBe(1_700_000_090 + 1800);
  });

  it('follows Date.now by default, and advance shifts it', () => {
    const emulator = createStripeEmulator();
    const before = Date.now();
    emulator.clock.advance(3_600_000);
    expect(emulator.clock.now()).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(emulator.clock.now()).toBeLessThan(Date.now() + 3_600_000 + 1000);
  });
});
