import Stripe from 'stripe';
import { listen, type ListeningEmulator } from '../../src/testing/emulator/listen';
import { validateCustomerSession } from '../params/referenceSchema';
import { rejection, startSdkServer } from '../server/sdkServer';

// Fidelity proof: the official SDK, unmodified, talks to the emulator over a real socket.
let server: ListeningEmulator;
let stripe: Stripe;
let sdk: (key?: string) => Stripe;

beforeAll(async () => {
  ({ server, stripe, sdk } = await startSdkServer());
});
afterAll(() => server.close());

describe('the official stripe SDK against the listening emulator', () => {
  it('creates a customer, then a Customer Session for it', async () => {
    const customer = await stripe.customers.create({ email: 'jenny@example.com', name: 'Jenny Rosen' });
    expect(customer.id).toMatch(/^cus_/);
    expect(customer.email).toBe('jenny@example.com');

    const session = await stripe.customerSessions.create({
      customer: customer.id,
      components: {
        payment_element: {
          enabled: true,
          features: {
            payment_method_redisplay: 'enabled',
            payment_method_redisplay_limit: 5,
            payment_method_allow_redisplay_filters: ['always', 'limited'],
            payment_method_save: 'enabled',
            payment_method_save_usage: 'off_session',
          },
        },
        pricing_table: { enabled: true },
      },
    });
    expect(session.object).toBe('customer_session');
    expect(session.client_secret).toMatch(/^cuss_secret_[A-Za-z0-9]{47}$/);
    expect(session.customer).toBe(customer.id);
    expect(session.expires_at - session.created).toBe(1800);
    expect(session.lastResponse.statusCode).toBe(200);
    expect(session.lastResponse.requestId).toMatch(/^req_/);
    expect(session.components?.payment_element).toEqual({
      enabled: true,
      features: {
        payment_method_allow_redisplay_filters: ['always', 'limited'],
        payment_method_redisplay: 'enabled',
        payment_method_redisplay_limit: 5,
        payment_method_remove: 'disabled',
        payment_method_save: 'enabled',
        payment_method_save_usage: 'off_session',
      },
    });
    expect(session.components?.pricing_table.enabled).toBe(true);
    expect(session.components?.buy_button.enabled).toBe(false);
    expect(server.emulator.requests.map((request) => request.path)).toEqual(['/v1/customers', '/v1/customer_sessions']);
  });

  it('sends the current API\'s params (the two new components, expand: [customer]) and reads the answer', async () => {
    const customer = await stripe.customers.create({ email: 'portal@example.com' });
    const session = await stripe.customerSessions.create({
      customer: customer.id,
      components: { customer_portal: { enabled: true }, active_entitlements: { enabled: true } },
      expand: ['customer'],
    });
    expect(server.emulator.requests.at(-1)?.params).toEqual({
      customer: customer.id,
      components: { customer_portal: { enabled: 'true' }, active_entitlements: { enabled: 'true' } },
      expand: ['customer'],
    });
    expect(session.components?.customer_portal).toEqual({ enabled: true });
    expect(session.components?.active_entitlements).toEqual({ enabled: true });
    expect(session.components?.pricing_table.enabled).toBe(false);
    const expanded = session.customer as Stripe.Customer;
    expect(expanded).toMatchObject({ id: customer.id, object: 'customer', email: 'portal@example.com' });
    const { lastResponse: _lastResponse, ...body } = session;
    expect(validateCustomerSession(body), JSON.stringify(validateCustomerSession.errors)).toBe(true);
  });

  it('surfaces a bad param as StripeInvalidRequestError with param, code and status', async () => {
    const { id } = server.emulator.createCustomer();
    const error = await rejection(
      stripe.customerSessions.create({
        customer: id,
        components: { payment_element: { enabled: true, features: { payment_method_redisplay_limit: 11 } } },
      }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({
      type: 'StripeInvalidRequestError',
      rawType: 'invalid_request_error',
      code: 'parameter_invalid_integer',
      param: 'components[payment_element][features][payment_method_redisplay_limit]',
      message: 'This value must be less than or equal to 10.',
      statusCode: 400,
    });
    expect(error.requestId).toMatch(/^req_/);
  });

  it('surfaces an unknown customer as resource_missing on param customer', async () => {
    const error = await rejection(stripe.customerSessions.create({ customer: 'cus_x', components: { buy_button: { enabled: true } } }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ code: 'resource_missing', param: 'customer', message: "No such customer: 'cus_x'", statusCode: 400 });
  });

  it('surfaces a wrong key as StripeAuthenticationError without the key in the message', async () => {
    const live = sdk('sk_live_51Habcdefghijklmnabcd');
    const error = await rejection(live.customers.create());
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
    expect(error.message).toBe('Invalid API Key provided: sk_live_****abcd');
  });

  it('replays with the SDK\'s idempotencyKey and refuses the key with other params', async () => {
    const { id } = server.emulator.createCustomer();
    const params = { customer: id, components: { buy_button: { enabled: true } } };
    const first = await stripe.customerSessions.create(params, { idempotencyKey: 'sdk-key-1' });
    const again = await stripe.customerSessions.create(params, { idempotencyKey: 'sdk-key-1' });
    expect(again.client_secret).toBe(first.client_secret);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    const error = await rejection(
      stripe.customerSessions.create({ ...params, components: { pricing_table: { enabled: true } } }, { idempotencyKey: 'sdk-key-1' }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.rawType).toBe('idempotency_error');
  });

  it('stops accepting connections after close', async () => {
    const other = await listen({ sessionTtlSeconds: 60 });
    const url = `${other.url}/v1/customers`;
    expect((await fetch(url, { method: 'POST', headers: { Authorization: 'Bearer sk_test_1' } })).status).toBe(200);
    await other.close();
    await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
  });
});
