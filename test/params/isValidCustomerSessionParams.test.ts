import { isValidCustomerSessionParams } from '../../src/params/validate';

describe('isValidCustomerSessionParams', () => {
  it('accepts valid typed params', () => {
    expect(isValidCustomerSessionParams({ customer: 'cus_1', components: { payment_element: { enabled: true } } })).toBe(true);
  });

  it('rejects invalid params and valid-on-the-wire form strings alike', () => {
    expect(isValidCustomerSessionParams({ customer: 'cus_1', components: {} })).toBe(false);
    expect(isValidCustomerSessionParams({ customer: 'cus_1', components: { payment_element: { enabled: 'true' } } })).toBe(false);
    expect(
      isValidCustomerSessionParams({
        customer: 'cus_1',
        components: { payment_element: { enabled: true, features: { payment_method_redisplay_limit: '4' } } },
      }),
    ).toBe(false);
  });
});
