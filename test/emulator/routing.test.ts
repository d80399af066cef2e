import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { call, secretKey } from './support';

describe('emulator routing and transport', () => {
  it('answers an unknown path with 404 Unrecognized request URL', async () => {
    const response = await call(createStripeEmulator(), '/v1/charges', 'amount=100');
    expect(response.status).toBe(404);
    expect(response.json).toEqual({
      error: {
        type: 'invalid_request_error',
        message: 'Unrecognized request URL (POST: /v1/charges). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.',
      },
    });
  });

  it('answers a wrong method like Stripe does: 404 naming the method, before checking the key', async () => {
    const response = await call(createStripeEmulator(), '/v1/customer_sessions', '', { method: 'GET', authorization: null });
    expect(response.status).toBe(404);
    expect(response.json.error.type).toBe('invalid_request_error');
    expect(response.json.error.message).toMatch(/^Unrecognized request URL \(GET: \/v1\/customer_sessions\)/);
    const put = await call(createStripeEmulator(), '/v1/customers', '', { method: 'PUT' });
    expect(put.json.error.message).toMatch(/^Unrecognized request URL \(PUT: \/v1\/customers\)/);
  });

  it('routes by pathname whatever the origin', async () => {
    const response = await call(createStripeEmulator(), '/v1/customers', { email: 'a@example.com' }, { origin: 'http://localhost:12111' });
    expect(response.status).toBe(200);
    expect(response.json.email).toBe('a@example.com');
  });

  it('sends JSON with a fresh Request-Id and the API version on every answer, errors included', async () => {
    const emulator = createStripeEmulator();
    const ok = await call(emulator, '/v1/customers', '', { headers: { 'Stripe-Version': '2025-09-30.clover' } });
    const notFound = await call(emulator, '/v1/nothing');
    for (const response of [ok, notFound]) {
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.headers.get('request-id')).toMatch(/^req_[A-Za-z0-9]{14}$/);
    }
    expect(ok.headers.get('stripe-version')).toBe('2025-09-30.clover');
    // Without a Stripe-Version header: the version stripe 23 pins.
    expect(notFound.headers.get('stripe-version')).toBe('2026-10-28.endive');
    expect(ok.headers.get('request-id')).not.toBe(notFound.headers.get('request-id'));
  });

  it('refuses a body that is not a form, and accepts a form content type with a charset', async () => {
    const emulator = createStripeEmulator();
    const json = await call(emulator, '/v1/customers', JSON.stringify({ email: 'a@example.com' }), {
      headers: { 'Content-Type': 'application/json' },
    });
    expect(json.status).toBe(400);
    expect(json.json.error.type).toBe('invalid_request_error');
    expect(json.json.error.message).toContain('check that your POST content type is application/x-www-form-urlencoded');
    expect(emulator.requests).toEqual([]);

    const withCharset = await call(emulator, '/v1/customers', 'email=b%40example.com', {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    });
    expect(withCharset.json.email).toBe('b@example.com');
  });

  it('records what it received, without the key or any header', async () => {
    const emulator = createStripeEmulator();
    const { id } = emulator.createCustomer();
    await call(emulator, '/v1/customer_sessions', { customer: id, components: { buy_button: { enabled: true } } });
    expect(emulator.requests).toEqual([
      { method: 'POST', path: '/v1/customer_sessions', params: { customer: id, components: { buy_button: { enabled: 'true' } } } },
    ]);
    expect(JSON.stringify(emulator.requests)).not.toContain(secretKey);
  });

  it('answers 500 api_error, not a thrown exception, when a request cannot be read', async () => {
    const emulator = createStripeEmulator();
    const request = new Request('https://api.stripe.com/v1/customers', {
      method: 'POST',
      headers: { Authorization: `Bearer ${secretKey}` },
      body: new ReadableStream({ pull: (controller) => controller.error(new Error('socket hang up')) }),
      duplex: 'half',
    } as RequestInit);
    const response = await emulator.handle(request);
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('api_error');
  });
});
