import { createCustomerSessionHandler } from '../../src/server';
import type { CustomerSessionHandlerOptions } from '../../src/server';

const stripe: CustomerSessionHandlerOptions['stripe'] = {
  customerSessions: { create: () => Promise.reject(new Error('not called in these tests')) },
};
const resolveCustomer = () => 'cus_test';

function create(components: unknown, extra: Partial<CustomerSessionHandlerOptions> = {}) {
  return () =>
    createCustomerSessionHandler({
      stripe,
      resolveCustomer,
      components: components as CustomerSessionHandlerOptions['components'],
      ...extra,
    });
}

describe('createCustomerSessionHandler: the policy is checked once, at creation', () => {
  it('accepts a valid policy', () => {
    expect(create({ payment_element: { enabled: true, features: { payment_method_redisplay: 'enabled' } } })).not.toThrow();
  });

  it('names the offending feature param of an invalid policy', () => {
    expect(
      create({ payment_element: { enabled: true, features: { payment_method_redisplay_limit: 11 } } }),
    ).toThrow(/components\[payment_element\]\[features\]\[payment_method_redisplay_limit\]/);
  });

  it('names a missing payment_method_save_usage when saving is enabled', () => {
    expect(create({ payment_element: { enabled: true, features: { payment_method_save: 'enabled' } } })).toThrow(
      /components\[payment_element\]\[features\]\[payment_method_save_usage\]/,
    );
  });

  it('names an unknown component', () => {
    expect(create({ checkout_page: { enabled: true } })).toThrow(/components\[checkout_page\]/);
  });

  it('refuses a policy that enables nothing', () => {
    expect(create({})).toThrow(TypeError);
    expect(create({ pricing_table: { enabled: false } })).toThrow(/components/);
    expect(create(undefined)).toThrow(/components/);
  });

  it('refuses a policy whose enabled flag is a form string rather than a boolean', () => {
    expect(create({ pricing_table: { enabled: 'true' } })).toThrow(/enabled: true/);
  });

  // Beside a component enabled properly, a form-string flag was accepted and the component silently
  // left out of the policy: every request for it got a 400 "does not enable", and the whole-policy
  // session had it off. (A policy read from JSON or the environment carries strings.)
  it('names the component whose enabled flag is not a boolean, even beside one enabled properly', () => {
    expect(create({ payment_element: { enabled: 'true' }, pricing_table: { enabled: true } })).toThrow(/components\[payment_element\]\[enabled\]: .*boolean/);
    expect(create({ pricing_table: { enabled: true }, buy_button: { enabled: 'false' } })).toThrow(/components\[buy_button\]\[enabled\]/);
  });

  it('checks the other options too', () => {
    expect(create({ pricing_table: { enabled: true } }, { maxBodyBytes: 0 })).toThrow(/maxBodyBytes/);
    expect(create({ pricing_table: { enabled: true } }, { stripe: {} as never })).toThrow(/stripe/);
    expect(create({ pricing_table: { enabled: true } }, { resolveCustomer: 'cus_1' as never })).toThrow(/resolveCustomer/);
  });
});
