import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { call } from './support';

function setup() {
  const emulator = createStripeEmulator();
  const { id } = emulator.createCustomer();
  return { emulator, customer: id };
}

describe('Idempotency-Key', () => {
  it('replays the same response for the same key and params, marked as replayed', async () => {
    const { emulator, customer } = setup();
    const headers = { 'Idempotency-Key': 'order-42' };
    const first = await call(emulator, '/v1/customer_sessions', `customer=${customer}&components[buy_button][enabled]=true`, { headers });
    emulator.clock.advance(60_000);
    // Same params in another order are the same request.
    const again = await call(emulator, '/v1/customer_sessions', `components[buy_button][enabled]=true&customer=${customer}`, { headers });
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('original-request')).toBe(first.headers.get('request-id'));
    expect(first.headers.get('idempotent-replayed')).toBeNull();
  });

  it('answers 400 idempotency_error when the key comes back with other params', async () => {
    const { emulator, customer } = setup();
    const headers = { 'Idempotency-Key': 'order-42' };
    await call(emulator, '/v1/customer_sessions', { customer, components: { buy_button: { enabled: true } } }, { headers });
    const other = await call(emulator, '/v1/customer_sessions', { customer, components: { pricing_table: { enabled: true } } }, { headers });
    expect(other.status).toBe(400);
    expect(other.json.error.type).toBe('idempotency_error');
    expect(other.json.error.message).toMatch(/same parameters they were first used with\. Try using a key other than 'order-42'/);
  });

  it('answers 400 idempotency_error when the key comes back on another endpoint', async () => {
    const { emulator, customer } = setup();
    const headers = { 'Idempotency-Key': 'k1' };
    await call(emulator, '/v1/customer_sessions', { customer, components: { buy_button: { enabled: true } } }, { headers });
    const other = await call(emulator, '/v1/customers', '', { headers });
    expect(other.status).toBe(400);
    expect(other.json.error.type).toBe('idempotency_error');
    expect(other.json.error.message).toContain("('/v1/customer_sessions' vs '/v1/customers')");
  });

  it('does not keep a failed request, so the key can be used again once the params are fixed', async () => {
    const { emulator, customer } = setup();
    const headers = { 'Idempotency-Key': 'retry-me' };
    const bad = await call(emulator, '/v1/customer_sessions', { customer, components: {} }, { headers });
    expect(bad.status).toBe(400);
    const good = await call(emulator, '/v1/customer_sessions', { customer, components: { buy_button: { enabled: true } } }, { headers });
    expect(good.status).toBe(200);
  });

  it('creates a new session for every request without a key', async () => {
    const { emulator, customer } = setup();
    const body = { customer, components: { buy_button: { enabled: true } } };
    const first = await call(emulator, '/v1/customer_sessions', body);
    const second = await call(emulator, '/v1/customer_sessions', body);
    expect(second.json.client_secret).not.toBe(first.json.client_secret);
  });
});
