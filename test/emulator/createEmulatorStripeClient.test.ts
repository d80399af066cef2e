import Stripe from 'stripe';
import { createEmulatorStripeClient } from '../../src/testing/createEmulatorStripeClient';
import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { EmulatorStripeError } from '../../src/testing/emulator/EmulatorStripeError';
import { listen } from '../../src/testing/emulator/listen';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
}

const sdkFields = (error: unknown) => {
  const { type, rawType, code, param, message, statusCode, doc_url } = error as EmulatorStripeError;
  return { type, rawType, code, param, message, statusCode, doc_url };
};

describe('createEmulatorStripeClient', () => {
  it('creates customers and sessions in-process, without any network call', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const emulator = createStripeEmulator();
    const stripe = createEmulatorStripeClient(emulator);
    const customer = await stripe.customers.create({ email: 'jenny@example.com' });
    const session = await stripe.customerSessions.create({ customer: customer.id, components: { payment_element: { enabled: true } } });
    expect(session.client_secret).toMatch(/^cuss_secret_/);
    expect(session.components.payment_element.enabled).toBe(true);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(emulator.requests.map((request) => request.path)).toEqual(['/v1/customers', '/v1/customer_sessions']);
  });

  it('throws errors with the same fields the official SDK\'s errors have', async () => {
    const emulator = createStripeEmulator();
    const server = await listen(emulator);
    try {
      const sdk = new Stripe('sk_test_123', { host: '127.0.0.1', port: server.port, protocol: 'http', maxNetworkRetries: 0 });
      const stripe = createEmulatorStripeClient(emulator, { apiKey: 'sk_test_123' });
      const { id } = emulator.createCustomer();
      const cases: Array<Parameters<typeof stripe.customerSessions.create>[0]> = [
        { customer: 'cus_x', components: { buy_button: { enabled: true } } },
        { customer: id, components: { payment_element: { enabled: true, features: { payment_method_save: 'enabled' } } } },
        { customer: id, components: {} },
      ];
      for (const params of cases) {
        const ours = await rejection(stripe.customerSessions.create(params));
        const theirs = await rejection(sdk.customerSessions.create(params));
        expect(ours).toBeInstanceOf(EmulatorStripeError);
        expect(theirs).toBeInstanceOf(Stripe.errors.StripeError);
        expect(sdkFields(ours)).toEqual(sdkFields(theirs));
        expect(Object.hasOwn(ours as object, 'rawType')).toBe(true);
      }
    } finally {
      await server.close();
    }
  });

  it('throws StripeAuthenticationError-shaped errors for a refused key, with the raw body and request id', async () => {
    const stripe = createEmulatorStripeClient(createStripeEmulator(), { apiKey: 'pk_test_publishable0000abcd' });
    const error = (await rejection(stripe.customers.create())) as EmulatorStripeError;
    expect(error.type).toBe('StripeAuthenticationError');
    expect(error.statusCode).toBe(401);
    expect(error.message).toBe('Invalid API Key provided: pk_test_****abcd');
    expect(error.requestId).toMatch(/^req_/);
    expect(error.raw).toMatchObject({ type: 'invalid_request_error', statusCode: 401 });
  });

  it('passes idempotencyKey, replaying the same session and refusing it with other params', async () => {
    const emulator = createStripeEmulator();
    const stripe = createEmulatorStripeClient(emulator);
    const { id } = emulator.createCustomer();
    const params = { customer: id, components: { buy_button: { enabled: true } } };
    const first = await stripe.customerSessions.create(params, { idempotencyKey: 'k' });
    const again = await stripe.customerSessions.create(params, { idempotencyKey: 'k' });
    expect(again).toEqual(first);
    const error = (await rejection(
      stripe.customerSessions.create({ ...params, components: { pricing_table: { enabled: true } } }, { idempotencyKey: 'k' }),
    )) as EmulatorStripeError;
    expect(error.type).toBe('StripeIdempotencyError');
    expect(error.rawType).toBe('idempotency_error');
  });
});
