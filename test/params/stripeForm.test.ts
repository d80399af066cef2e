import fc from 'fast-check';
import { coerceFormParams } from '../../src/params/form';
import { decodeStripeForm } from '../../src/params/form';
import { encodeStripeForm } from '../../src/params/form';
import type { CustomerSessionCreateParams } from '../../src/core/types';

describe('encodeStripeForm', () => {
  it('writes nested keys in literal brackets, arrays with indices and booleans and numbers as text', () => {
    const body = encodeStripeForm({
      customer: 'cus_123',
      components: {
        payment_element: {
          enabled: true,
          features: { payment_method_allow_redisplay_filters: ['always', 'limited'], payment_method_redisplay_limit: 5 },
        },
        buy_button: { enabled: false },
      },
    });
    expect(body.split('&')).toEqual([
      'customer=cus_123',
      'components[payment_element][enabled]=true',
      'components[payment_element][features][payment_method_allow_redisplay_filters][0]=always',
      'components[payment_element][features][payment_method_allow_redisplay_filters][1]=limited',
      'components[payment_element][features][payment_method_redisplay_limit]=5',
      'components[buy_button][enabled]=false',
    ]);
  });

  it('percent-encodes reserved characters in values and leaves out undefined members', () => {
    expect(encodeStripeForm({ name: 'Jenny & Co = 100%', email: undefined })).toBe('name=Jenny%20%26%20Co%20%3D%20100%25');
  });
});

describe('decodeStripeForm', () => {
  it('reads the bracket form back into nested objects and arrays of strings', () => {
    const body =
      'customer=cus_123&components[payment_element][enabled]=true' +
      '&components[payment_element][features][payment_method_allow_redisplay_filters][0]=always' +
      '&components%5Bpricing_table%5D%5Benabled%5D=false';
    expect(decodeStripeForm(body)).toEqual({
      customer: 'cus_123',
      components: {
        payment_element: { enabled: 'true', features: { payment_method_allow_redisplay_filters: ['always'] } },
        pricing_table: { enabled: 'false' },
      },
    });
  });

  it('does not let a body reach Object.prototype, and keeps prototype-named params as data', () => {
    const decoded = decodeStripeForm('__proto__[polluted]=yes&constructor[prototype][polluted]=yes&components[buy_button][toString]=x&components[pricing_table][%5F%5Fproto%5F%5F]=');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    // `__proto__` too is an own key (qs alone would drop it), so it is refused as unknown, as Stripe would.
    expect(Object.hasOwn(decoded, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(decoded.components)).toBe(Object.prototype);
    // JSON.parse, as `__proto__:` in an object literal would set the prototype.
    expect(JSON.parse(JSON.stringify(decoded))).toEqual(
      JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"components":{"buy_button":{"toString":"x"},"pricing_table":{"__proto__":""}}}'),
    );
  });
});

describe('coerceFormParams', () => {
  it('types booleans and integers only where the schema has them', () => {
    const decoded = decodeStripeForm(
      'customer=123&components[buy_button][enabled]=true&components[pricing_table][enabled]=false' +
        '&components[payment_element][enabled]=yes&components[payment_element][features][payment_method_redisplay_limit]=4' +
        '&components[payment_element][features][payment_method_redisplay]=true&extra[enabled]=true',
    );
    expect(coerceFormParams(decoded)).toEqual({
      customer: '123',
      components: {
        buy_button: { enabled: true },
        pricing_table: { enabled: false },
        payment_element: { enabled: 'yes', features: { payment_method_redisplay_limit: 4, payment_method_redisplay: 'true' } },
      },
      extra: { enabled: 'true' },
    });
  });

  it('turns an integer-keyed map (how large arrays decode) into an array in index order', () => {
    const params = { components: { customer_sheet: { enabled: true, features: { payment_method_allow_redisplay_filters: { 1: 'limited', 0: 'always' } } } } };
    expect(coerceFormParams(params)).toEqual({
      components: { customer_sheet: { enabled: true, features: { payment_method_allow_redisplay_filters: ['always', 'limited'] } } },
    });
  });

  it('leaves JavaScript values unchanged', () => {
    const params = { customer: 'cus_1', components: { payment_element: { enabled: true, features: { payment_method_redisplay_limit: 3 } } } };
    expect(coerceFormParams(params)).toEqual(params);
  });
});

const allowRedisplay = fc.constantFrom('always' as const, 'limited' as const, 'unspecified' as const);
const toggle = fc.constantFrom('disabled' as const, 'enabled' as const);
const filters = fc.array(allowRedisplay, { minLength: 1, maxLength: 3 });
const text = fc.string({ minLength: 1, maxLength: 20 });
// Empty arrays and objects have no form encoding (nothing is sent), so generated ones are non-empty.
const nonEmpty = <T extends object>(record: fc.Arbitrary<T>) => record.filter((value) => Object.keys(value).length > 0);

const paramsArbitrary: fc.Arbitrary<CustomerSessionCreateParams> = fc.record(
  {
    customer: text,
    customer_account: text,
    components: nonEmpty(fc.record(
      {
        buy_button: fc.record({ enabled: fc.boolean() }),
        customer_sheet: fc.record(
          { enabled: fc.boolean(), features: nonEmpty(fc.record({ payment_method_allow_redisplay_filters: filters, payment_method_remove: toggle }, { requiredKeys: [] })) },
          { requiredKeys: ['enabled'] },
        ),
        mobile_payment_element: fc.record(
          {
            enabled: fc.boolean(),
            features: nonEmpty(fc.record(
              {
                payment_method_allow_redisplay_filters: filters,
                payment_method_redisplay: toggle,
                payment_method_remove: toggle,
                payment_method_save: toggle,
                payment_method_save_allow_redisplay_override: allowRedisplay,
              },
              { requiredKeys: [] },
            )),
          },
          { requiredKeys: ['enabled'] },
        ),
        payment_element: fc.record(
          {
            enabled: fc.boolean(),
            features: nonEmpty(fc.record(
              {
                payment_method_allow_redisplay_filters: filters,
                payment_method_redisplay: toggle,
                payment_method_redisplay_limit: fc.integer({ min: 1, max: 10 }),
                payment_method_remove: toggle,
                payment_method_save: toggle,
                payment_method_save_usage: fc.constantFrom('off_session' as const, 'on_session' as const),
              },
              { requiredKeys: [] },
            )),
          },
          { requiredKeys: ['enabled'] },
        ),
        pricing_table: fc.record({ enabled: fc.boolean() }),
      },
      { requiredKeys: [] },
    )),
  },
  { requiredKeys: ['components'] },
);

describe('form round trip', () => {
  it('encode → decode → coerce gives back any create params (arrays and objects non-empty)', () => {
    fc.assert(
      fc.property(paramsArbitrary, (params) => {
        expect(coerceFormParams(decodeStripeForm(encodeStripeForm(params)))).toEqual(params);
      }),
      { numRuns: 300 },
    );
  });

  it('decode → encode gives back a canonical body', () => {
    const body =
      'components[payment_element][enabled]=true&components[payment_element][features][payment_method_allow_redisplay_filters][0]=always' +
      '&components[payment_element][features][payment_method_allow_redisplay_filters][1]=unspecified&customer=cus_Q%20X';
    expect(encodeStripeForm(decodeStripeForm(body))).toBe(body);
  });
});
