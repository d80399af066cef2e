import { validateCustomerSessionParams } from '../../src/params/validate';
import { encodeStripeForm } from '../../src/params/form';
import { decodeStripeForm } from '../../src/params/form';
import type { CustomerSessionCreateParams } from '../../src/core/types';
import { pairs, peFeatures, withComponents } from './validationSupport';

const everything: CustomerSessionCreateParams = {
  customer: 'cus_123',
  components: {
    buy_button: { enabled: true },
    customer_sheet: {
      enabled: true,
      features: { payment_method_allow_redisplay_filters: ['always', 'limited'], payment_method_remove: 'enabled' },
    },
    mobile_payment_element: {
      enabled: false,
      features: {
        payment_method_allow_redisplay_filters: ['unspecified'],
        payment_method_redisplay: 'enabled',
        payment_method_remove: 'disabled',
        payment_method_save: 'enabled',
        payment_method_save_allow_redisplay_override: 'limited',
      },
    },
    payment_element: {
      enabled: true,
      features: {
        payment_method_allow_redisplay_filters: ['always', 'limited', 'unspecified'],
        payment_method_redisplay: 'enabled',
        payment_method_redisplay_limit: 10,
        payment_method_remove: 'enabled',
        payment_method_save: 'enabled',
        payment_method_save_usage: 'off_session',
      },
    },
    pricing_table: { enabled: false },
  },
};

describe('validateCustomerSessionParams: valid params', () => {
  it('accepts one enabled component with a customer, or with a customer_account instead', () => {
    expect(validateCustomerSessionParams(withComponents({}))).toEqual([]);
    expect(validateCustomerSessionParams({ customer_account: 'acct_1', components: { buy_button: { enabled: true } } })).toEqual([]);
  });

  it('accepts expand and the two components stripe 23 adds, as JavaScript values and as a decoded form', () => {
    const params = { ...everything, components: { ...everything.components, active_entitlements: { enabled: true }, customer_portal: { enabled: false } }, expand: ['customer', 'components'] };
    expect(validateCustomerSessionParams(params)).toEqual([]);
    expect(validateCustomerSessionParams(decodeStripeForm(encodeStripeForm(params)))).toEqual([]);
  });

  it('accepts every parameter of the reference at once, as JavaScript values and as a decoded form', () => {
    expect(validateCustomerSessionParams(everything)).toEqual([]);
    expect(validateCustomerSessionParams(decodeStripeForm(encodeStripeForm(everything)))).toEqual([]);
  });

  it('accepts form strings where the schema expects booleans and integers', () => {
    const params = withComponents({
      payment_element: { enabled: 'true', features: { payment_method_redisplay_limit: '7' } },
      buy_button: { enabled: 'false' },
    });
    expect(validateCustomerSessionParams(params)).toEqual([]);
  });
});

describe('validateCustomerSessionParams: every problem at once', () => {
  it('treats a non-object as empty params', () => {
    for (const params of [null, undefined, 'customer=cus_1', 42, []]) {
      expect(pairs(params)).toEqual([['components', 'parameter_missing']]);
    }
  });

  it('returns all problems in one list, structural ones before the cross-field rules', () => {
    const params = {
      expand: ['x'],
      livemode: true,
      components: {
        buy_button: { enabled: 'maybe' },
        payment_element: {
          enabled: false,
          features: {
            payment_method_allow_redisplay_filters: ['always', 'never'],
            payment_method_redisplay_limit: 42,
            payment_method_save: 'enabled',
          },
        },
      },
    };
    expect(pairs(params)).toEqual([
      ['livemode', 'parameter_unknown'],
      ['components[buy_button][enabled]', 'parameter_invalid_boolean'],
      [`${peFeatures}[payment_method_allow_redisplay_filters][1]`, 'parameter_invalid_enum'],
      [`${peFeatures}[payment_method_redisplay_limit]`, 'parameter_invalid_integer'],
      ['components', 'parameter_missing'],
      [`${peFeatures}[payment_method_save_usage]`, 'parameter_missing'],
      ['expand[0]', 'parameter_invalid_expand'],
    ]);
  });
});
