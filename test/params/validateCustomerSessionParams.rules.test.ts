import { decodeStripeForm } from '../../src/params/form';
import { validateCustomerSessionParams } from '../../src/params/validate';
import { pairs, pe, peFeatures, withComponents } from './validationSupport';

describe('validateCustomerSessionParams: each rule names its param', () => {
  it('reports unknown parameters at every level, a key listed for one component included on another', () => {
    const params = {
      ...withComponents({
        buy_button: { enabled: true, features: {} },
        customer_portal: { enabled: true, features: {} },
        customer_sheet: { enabled: true, features: { payment_method_redisplay: 'enabled' } },
        payment_element: { enabled: true, features: { payment_method_save_allow_redisplay_override: 'always' } },
        customer_session: { enabled: true },
      }),
      metadata: { order: '1' },
    };
    expect(pairs(params)).toEqual([
      ['metadata', 'parameter_unknown'],
      ['components[customer_session]', 'parameter_unknown'],
      ['components[buy_button][features]', 'parameter_unknown'],
      ['components[customer_portal][features]', 'parameter_unknown'],
      ['components[customer_sheet][features][payment_method_redisplay]', 'parameter_unknown'],
      [`${peFeatures}[payment_method_save_allow_redisplay_override]`, 'parameter_unknown'],
    ]);
    expect(validateCustomerSessionParams(params)[0]?.message).toBe('Received unknown parameter: metadata');
  });

  it('refuses params named like Object.prototype members, from a form body or from JSON', () => {
    const form = decodeStripeForm('components[pricing_table][enabled]=true&components[pricing_table][constructor]=x');
    expect(pairs(form)).toEqual([['components[pricing_table][constructor]', 'parameter_unknown']]);
    expect(pairs(JSON.parse('{"components":{"pricing_table":{"enabled":true}},"__proto__":{"x":1}}'))).toEqual([['__proto__', 'parameter_unknown']]);
  });

  it('accepts the two components stripe 23 adds, each counting as an enabled component', () => {
    for (const name of ['active_entitlements', 'customer_portal']) {
      expect(validateCustomerSessionParams({ components: { [name]: { enabled: true } } })).toEqual([]);
      expect(pairs({ components: { [name]: { enabled: 'on' } } })).toEqual([
        [`components[${name}][enabled]`, 'parameter_invalid_boolean'],
        ['components', 'parameter_missing'],
      ]);
      expect(pairs({ components: { [name]: {} } })).toEqual([[`components[${name}][enabled]`, 'parameter_missing'], ['components', 'parameter_missing']]);
    }
  });

  it('accepts expand naming the expandable fields of the object, refusing any other path by index', () => {
    const expand = (paths: unknown) => pairs({ ...withComponents({}), expand: paths });
    expect(expand(['customer', 'components', 'customer.default_source', 'components.payment_element.features'])).toEqual([]);
    expect(expand(['customer', 'livemode', 'components.customer_portal', 'components.pricing_table.enabled'])).toEqual([
      ['expand[1]', 'parameter_invalid_expand'],
      ['expand[2]', 'parameter_invalid_expand'],
      ['expand[3]', 'parameter_invalid_expand'],
    ]);
    expect(validateCustomerSessionParams({ ...withComponents({}), expand: ['components.pricing_table.enabled'] })[0]?.message).toBe(
      'This property cannot be expanded (enabled).',
    );
    expect(expand('customer')).toEqual([['expand', 'parameter_invalid_array']]);
    expect(expand([7])).toEqual([['expand[0]', 'parameter_invalid_string']]);
    expect(expand({ 0: 'customer' })).toEqual([]);
  });

  it('limits every string param to 5000 characters', () => {
    const at = (length: number) => 'c'.repeat(length);
    for (const param of ['customer', 'customer_account']) {
      expect(pairs({ ...withComponents({}), [param]: at(5000) })).toEqual([]);
      expect(pairs({ ...withComponents({}), [param]: at(5001) })).toEqual([[param, 'parameter_invalid_string']]);
    }
    expect(pairs({ ...withComponents({}), expand: ['customer', at(5001)] })).toEqual([['expand[1]', 'parameter_invalid_string']]);
    expect(validateCustomerSessionParams({ ...withComponents({}), customer: at(5001) })[0]?.message).toMatch(
      /^Invalid string: c{57}\.\.\.; must be at most 5000 characters$/,
    );
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

  it('requires payment_method_redisplay_limit to be an integer of at most 10 (no minimum is cited)', () => {
    const limit = `${peFeatures}[payment_method_redisplay_limit]`;
    const check = (value: unknown) =>
      validateCustomerSessionParams(
        withComponents({ payment_element: { enabled: true, features: { payment_method_redisplay_limit: value } } }),
      );
    expect(check(0)).toEqual([]);
    expect(check(11)).toEqual([{ param: limit, code: 'parameter_invalid_integer', message: 'This value must be less than or equal to 10.' }]);
    expect(check(2.5)).toEqual([{ param: limit, code: 'parameter_invalid_integer', message: 'Invalid integer: 2.5' }]);
    expect(check('three')).toEqual([{ param: limit, code: 'parameter_invalid_integer', message: 'Invalid integer: three' }]);
    expect(check('11')[0]?.message).toBe('This value must be less than or equal to 10.');
    expect(check(1)).toEqual([]);
    expect(check('10')).toEqual([]);
    expect(check(-2380564964352095)).toEqual([]);
    expect(check('-2380564964352095')).toEqual([]);
    // Beyond 2^53 a number is not exact, nor written as digits by the form encoding (1e+21).
    expect(check(2 ** 53)[0]?.code).toBe('parameter_invalid_integer');
    expect(check('9007199254740993')[0]?.message).toBe('Invalid integer: 9007199254740993');
    expect(check(1e21)[0]?.message).toBe('Invalid integer: 1e+21');
  });

  it('requires payment_method_save_usage only while payment_method_save is enabled', () => {
    const usage = `${peFeatures}[payment_method_save_usage]`;
    const check = (features: Record<string, unknown>) =>
      pairs(withComponents({ payment_element: { enabled: true, features } }));
    expect(check({ payment_method_save: 'enabled' })).toEqual([[usage, 'parameter_missing']]);
    expect(check({ payment_method_save: 'enabled', payment_method_save_usage: 'on_session' })).toEqual([]);
    expect(check({ payment_method_save: 'disabled' })).toEqual([]);
  });

  it('takes customer and customer_account as strings and requires neither (the schema does not; the server always sends one)', () => {
    const components = { pricing_table: { enabled: true } };
    expect(validateCustomerSessionParams({ components })).toEqual([]);
    expect(validateCustomerSessionParams({ components, customer: 'cus_1', customer_account: 'acct_1' })).toEqual([]);
    expect(pairs({ components, customer: 42 })).toEqual([['customer', 'parameter_invalid_string']]);
    expect(pairs({ components, customer_account: { id: 'acct_1' } })).toEqual([['customer_account', 'parameter_invalid_string']]);
    // An empty string is a string; whether such a customer exists is Stripe's (or the emulator's) answer.
    expect(pairs({ components, customer: '' })).toEqual([]);
  });

  it('treats null, and an empty value where no string is expected, as an attempt to unset a param', () => {
    expect(pairs(withComponents({ buy_button: { enabled: null } }))).toEqual([['components[buy_button][enabled]', 'parameter_invalid_empty']]);
    expect(pairs(withComponents({ buy_button: { enabled: '' } }))).toEqual([['components[buy_button][enabled]', 'parameter_invalid_empty']]);
    expect(pairs({ ...withComponents({}), customer: null })).toEqual([['customer', 'parameter_invalid_empty']]);
  });
});
