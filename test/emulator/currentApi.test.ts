import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { validateCustomerSession } from '../params/referenceSchema';
import { call } from './support';

// What stripe 23 (API 2026-10-28.endive) and Stripe's current schemas add: expand, the two new
// components, and a `customer` that is never null. Every session is checked against `customer_session`.
async function session(emulator: ReturnType<typeof createStripeEmulator>, params: object) {
  const response = await call(emulator, '/v1/customer_sessions', params);
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  expect(validateCustomerSession(response.json), JSON.stringify(validateCustomerSession.errors)).toBe(true);
  return response.json;
}

describe('POST /v1/customer_sessions: the current API', () => {
  it('accepts and echoes components.active_entitlements and components.customer_portal', async () => {
    const emulator = createStripeEmulator();
    const { id } = emulator.createCustomer();
    const json = await session(emulator, { customer: id, components: { active_entitlements: { enabled: true }, customer_portal: { enabled: true } } });
    expect(json.components.active_entitlements).toEqual({ enabled: true });
    expect(json.components.customer_portal).toEqual({ enabled: true });
    expect(json.components.payment_element.enabled).toBe(false);
    const refused = await call(emulator, '/v1/customer_sessions', { customer: id, components: { customer_portal: { enabled: true, features: { payment_method_remove: 'enabled' } } } });
    expect(refused.json.error).toMatchObject({ code: 'parameter_unknown', param: 'components[customer_portal][features]' });
  });

  it('returns the Customer object for expand: [customer], the ID otherwise', async () => {
    const emulator = createStripeEmulator();
    const customer = emulator.createCustomer({ email: 'jenny@example.com', name: 'Jenny Rosen' });
    const components = { pricing_table: { enabled: true } };
    const expanded = await session(emulator, { customer: customer.id, components, expand: ['customer'] });
    expect(expanded.customer).toEqual(customer);
    expect(expanded.customer).toMatchObject({ object: 'customer', email: 'jenny@example.com', invoice_settings: { default_payment_method: null } });
    expect((await session(emulator, { customer: customer.id, components })).customer).toBe(customer.id);
    // A path below customer expands it too; what lies below is null in the emulator's Customer.
    expect((await session(emulator, { customer: customer.id, components, expand: ['customer.default_source'] })).customer.id).toBe(customer.id);
  });

  it('refuses an expand path the object does not list as expandable, naming it by index', async () => {
    const emulator = createStripeEmulator();
    const { id } = emulator.createCustomer();
    const response = await call(emulator, '/v1/customer_sessions', { customer: id, components: { buy_button: { enabled: true } }, expand: ['customer', 'client_secret'] });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({ type: 'invalid_request_error', param: 'expand[1]', message: 'This property cannot be expanded (client_secret).' });
  });

  it('gives an Account\'s sessions one Customer of its own, and a session naming neither a new one', async () => {
    const emulator = createStripeEmulator();
    const components = { buy_button: { enabled: true } };
    const first = await session(emulator, { customer_account: 'acct_1Nv0FGQ9RKHgCVdK', components });
    const second = await session(emulator, { customer_account: 'acct_1Nv0FGQ9RKHgCVdK', components, expand: ['customer'] });
    expect(second.customer).toMatchObject({ id: first.customer, customer_account: 'acct_1Nv0FGQ9RKHgCVdK' });
    const other = await session(emulator, { customer_account: 'acct_2Other', components });
    expect(other.customer).not.toBe(first.customer);
    const nobody = await session(emulator, { components });
    expect(nobody.customer).toMatch(/^cus_/);
    expect(nobody.customer_account).toBeNull();
  });

  it('leaves components out unless expanded when made with sessionComponents: when-expanded', async () => {
    const emulator = createStripeEmulator({ sessionComponents: 'when-expanded' });
    const { id } = emulator.createCustomer();
    const components = { payment_element: { enabled: true } };
    expect(await session(emulator, { customer: id, components })).not.toHaveProperty('components');
    const expanded = await session(emulator, { customer: id, components, expand: ['components'] });
    expect(expanded.components.payment_element.enabled).toBe(true);
    expect((await session(createStripeEmulator(), { components })).components.payment_element.enabled).toBe(true);
  });
});
