import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { call } from './support';

describe('POST /v1/customers', () => {
  it('creates a Stripe-shaped customer that sessions can then use', async () => {
    const emulator = createStripeEmulator({ now: () => 1_700_000_000_500 });
    const response = await call(emulator, '/v1/customers', { email: 'jenny@example.com', name: 'Jenny Rosen' });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      id: expect.stringMatching(/^cus_[A-Za-z0-9]{14}$/),
      object: 'customer',
      created: 1_700_000_000,
      email: 'jenny@example.com',
      name: 'Jenny Rosen',
      description: null,
      livemode: false,
      metadata: {},
    });
    const session = await call(emulator, '/v1/customer_sessions', { customer: response.json.id, components: { pricing_table: { enabled: true } } });
    expect(session.status).toBe(200);
  });

  it('refuses params it does not model, naming them', async () => {
    const response = await call(createStripeEmulator(), '/v1/customers', 'email=a%40b.c&source=tok_visa');
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_unknown', param: 'source' });
  });

  it('seeds customers without HTTP, each with its own id', async () => {
    const emulator = createStripeEmulator();
    const first = emulator.createCustomer({ name: 'A' });
    const second = emulator.createCustomer();
    expect(first.id).not.toBe(second.id);
    expect(first.name).toBe('A');
    expect(second.email).toBeNull();
    expect(emulator.requests).toEqual([]);
    const session = await call(emulator, '/v1/customer_sessions', { customer: second.id, components: { buy_button: { enabled: true } } });
    expect(session.json.customer).toBe(second.id);
  });
});
