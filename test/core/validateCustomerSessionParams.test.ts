import { validateCustomerSessionParams } from '../../src/core/validateCustomerSessionParams';
import { encodeStripeForm } from '../../src/core/encodeStripeForm';
import { decodeStripeForm } from '../../src/core/decodeStripeForm';
import type { CustomerSessionCreateParams } from '../../src/core/types';

const pe = 'components[payment_element]';
const peFeatures = `${pe}[features]`;

/** Valid params with one component enabled, to which each case adds its problem. */
function withComponents(components: Record<string, unknown>): Record<string, unknown> {
  return { customer: 'cus_123', components: { pricing_table: { enabled: true }, ...components } };
}

function pairs(params: unknown): Array<[string, string]> {
  return validateCustomerSessionParams(params).map((issue) => [issue.param, issue.code]);
}

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

describe('validateCustomerSessionParams: each rule names its param', () => {
  it('reports unknown parameters at every level, including ones newer SDKs know', () => {
    const params = {
      ...withComponents({
        active_entitlements: { enabled: true },
        customer_portal: { enabled: true },
        buy_button: { enabled: true, features: {} },
        customer_sheet: { enabled: true, features: { payment_method_redisplay: 'enabled' } },
        payment_element: { enabled: true, features: { payment_method_save_allow_redisplay_override: 'always' } },
      }),
      expand: ['customer'],
    };
    expect(pairs(params)).toEqual([
      ['expand', 'parameter_unknown'],
      ['components[active_entitlements]', 'parameter_unknown'],
      ['components[customer_portal]', 'parameter_unknown'],
      ['components[buy_button][features]', 'parameter_unknown'],
      ['components[customer_sheet][features][payment_method_redisplay]', 'parameter_unknown'],
      [`${peFeatures}[payment_method_save_allow_redisplay_override]`, 'parameter_unknown'],
    ]);
    expect(validateCustomerSessionParams(params)[0]?.message).toBe('Received unknown parameter: expand');
  });

  it('reports missing components', () => {
    const [issue] = validateCustomerSessionParams({ customer: 'cus_123' });
    expect(issue).toEqual({ param: 'components', code: 'parameter_missing', message: 'Missing required param: components.' });
  });

  it('reports components and component configs that are not objects', () => {
    expect(pairs({ customer: 'cus_1', components: 'payment_element' })).toEqual([['components', 'parameter_invalid_object']]);
    expect(pairs({ customer: 'cus_1', components: ['payment_element'] })).toEqual([['components', 'parameter_invalid_object']]);
    expect(pairs(withComponents({ buy_button: true }))).toEqual([['components[buy_button]', 'parameter_invalid_object']]);
    expect(pairs(withComponents({ payment_element: { enabled: true, features: 'all' } }))).toEqual([
      [`${peFeatures}`, 'parameter_invalid_object'],
    ]);
  });

  it('requires at least one enabled component', () => {
    const expected = [{ param: 'components', code: 'parameter_missing', message: 'At least 1 component must be enabled.' }];
    expect(validateCustomerSessionParams({ customer: 'cus_1', components: {} })).toEqual(expected);
    expect(
      validateCustomerSessionParams({ customer: 'cus_1', components: { buy_button: { enabled: false }, pricing_table: { enabled: 'false' } } }),
    ).toEqual(expected);
  });

  it('requires enabled on every component that is sent, and a boolean there', () => {
    expect(pairs(withComponents({ payment_element: {} }))).toEqual([[`${pe}[enabled]`, 'parameter_missing']]);
    expect(pairs(withComponents({ buy_button: { enabled: 'yes' }, customer_sheet: { enabled: 1 } }))).toEqual([
      ['components[buy_button][enabled]', 'parameter_invalid_boolean'],
      ['components[customer_sheet][enabled]', 'parameter_invalid_boolean'],
    ]);
    expect(validateCustomerSessionParams(withComponents({ buy_button: { enabled: 'yes' } }))[0]?.message).toBe('Invalid boolean: yes');
  });

  it('rejects enum values outside the listed ones and names the allowed values', () => {
    const issues = validateCustomerSessionParams(
      withComponents({
        payment_element: { enabled: true, features: { payment_method_redisplay: 'on', payment_method_save_usage: 'sometimes' } },
        mobile_payment_element: { enabled: true, features: { payment_method_save_allow_redisplay_override: 'never' } },
      }),
    );
    expect(issues).toEqual([
      {
        param: 'components[mobile_payment_element][features][payment_method_save_allow_redisplay_override]',
        code: 'parameter_invalid_enum',
        message:
          'Invalid components[mobile_payment_element][features][payment_method_save_allow_redisplay_override]: must be one of always, limited, or unspecified',
      },
      {
        param: `${peFeatures}[payment_method_redisplay]`,
        code: 'parameter_invalid_enum',
        message: `Invalid ${peFeatures}[payment_method_redisplay]: must be one of disabled or enabled`,
      },
      {
        param: `${peFeatures}[payment_method_save_usage]`,
        code: 'parameter_invalid_enum',
        message: `Invalid ${peFeatures}[payment_method_save_usage]: must be one of off_session or on_session`,
      },
    ]);
  });

  it('requires payment_method_allow_redisplay_filters to be an array of allowed values, naming a bad member by index', () => {
    const filters = `${peFeatures}[payment_method_allow_redisplay_filters]`;
    const withFilters = (value: unknown) =>
      withComponents({ payment_element: { enabled: true, features: { payment_method_allow_redisplay_filters: value } } });
    expect(pairs(withFilters('always'))).toEqual([[filters, 'parameter_invalid_array']]);
    expect(pairs(withFilters(['always', 'sometimes', 'limited', 7]))).toEqual([
      [`${filters}[1]`, 'parameter_invalid_enum'],
      [`${filters}[3]`, 'parameter_invalid_enum'],
    ]);
    expect(pairs(withFilters({ 0: 'always', 1: 'limited' }))).toEqual([]);
    expect(
      pairs(withComponents({ customer_sheet: { enabled: true, features: { payment_method_allow_redisplay_filters: ['x'] } } })),
    ).toEqual([['components[customer_sheet][features][payment_method_allow_redisplay_filters][0]', 'parameter_invalid_enum']]);
  });

  it('requires payment_method_redisplay_limit to be an integer from 1 to 10', () => {
    const limit = `${peFeatures}[payment_method_redisplay_limit]`;
    const check = (value: unknown) =>
      validateCustomerSessionParams(
        withComponents({ payment_element: { enabled: true, features: { payment_method_redisplay_limit: value } } }),
      );
    expect(check(0)).toEqual([{ param: limit, code: 'parameter_invalid_integer', message: 'This value must be greater than or equal to 1.' }]);
    expect(check(11)).toEqual([{ param: limit, code: 'parameter_invalid_integer', message: 'This value must be less than or equal to 10.' }]);
    expect(check(2.5)).toEqual([{ param: limit, code: 'parameter_invalid_integer', message: 'Invalid integer: 2.5' }]);
    expect(check('three')).toEqual([{ param: limit, code: 'parameter_invalid_integer', message: 'Invalid integer: three' }]);
    expect(check('11')[0]?.message).toBe('This value must be less than or equal to 10.');
    expect(check(1)).toEqual([]);
    expect(check('10')).toEqual([]);
  });

  it('requires payment_method_save_usage only while payment_method_save is enabled', () => {
    const usage = `${peFeatures}[payment_method_save_usage]`;
    const check = (features: Record<string, unknown>) =>
      pairs(withComponents({ payment_element: { enabled: true, features } }));
    expect(check({ payment_method_save: 'enabled' })).toEqual([[usage, 'parameter_missing']]);
    expect(check({ payment_method_save: 'enabled', payment_method_save_usage: 'on_session' })).toEqual([]);
    expect(check({ payment_method_save: 'disabled' })).toEqual([]);
  });

  it('needs a customer or a customer_account, as non-empty strings', () => {
    const components = { pricing_table: { enabled: true } };
    expect(validateCustomerSessionParams({ components })).toEqual([
      {
        param: 'customer',
        code: 'parameter_missing',
        message: 'You must provide either customer or customer_account: a Customer Session acts for someone.',
      },
    ]);
    expect(pairs({ components, customer: 42 })).toEqual([['customer', 'parameter_invalid_string']]);
    expect(pairs({ components, customer_account: { id: 'acct_1' } })).toEqual([['customer_account', 'parameter_invalid_string']]);
    expect(pairs({ components, customer: '' })).toEqual([['customer', 'parameter_invalid_empty']]);
    expect(validateCustomerSessionParams({ components, customer: '' })[0]?.message).toMatch(
      /^You passed an empty string for 'customer'\./,
    );
  });

  it('treats null like an empty value: it cannot unset a param', () => {
    expect(pairs(withComponents({ buy_button: { enabled: null } }))).toEqual([['components[buy_button][enabled]', 'parameter_invalid_empty']]);
  });
});

describe('validateCustomerSessionParams: every problem at once', () => {
  it('treats a non-object as empty params', () => {
    for (const params of [null, undefined, 'customer=cus_1', 42, []]) {
      expect(pairs(params)).toEqual([
        ['components', 'parameter_missing'],
        ['customer', 'parameter_missing'],
      ]);
    }
  });

  it('returns all problems in one list, structural ones before the cross-field rules', () => {
    const params = {
      expand: ['x'],
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
      ['expand', 'parameter_unknown'],
      ['components[buy_button][enabled]', 'parameter_invalid_boolean'],
      [`${peFeatures}[payment_method_allow_redisplay_filters][1]`, 'parameter_invalid_enum'],
      [`${peFeatures}[payment_method_redisplay_limit]`, 'parameter_invalid_integer'],
      ['components', 'parameter_missing'],
      [`${peFeatures}[payment_method_save_usage]`, 'parameter_missing'],
      ['customer', 'parameter_missing'],
    ]);
  });
});
