import { validateCustomerSessionParams } from '../../src/params/validateCustomerSessionParams';
import { pairs, pe, peFeatures, withComponents } from './validationSupport';

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
