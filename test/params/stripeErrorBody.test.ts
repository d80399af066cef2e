import { paramIssueErrorBody } from '../../src/params/errors';
import { stripeErrorBody } from '../../src/params/errors';
import { validateCustomerSessionParams } from '../../src/params/validate';

describe('stripeErrorBody', () => {
  it('leaves out absent members instead of writing undefined', () => {
    const body = stripeErrorBody({ type: 'invalid_request_error', message: 'Invalid API Key provided: sk_test_****abcd' });
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
    expect(Object.keys(body.error)).toEqual(['type', 'message']);
  });

  it('links Stripe\'s page for a documented code, and only for those', () => {
    expect(stripeErrorBody({ type: 'invalid_request_error', code: 'resource_missing', param: 'customer', message: "No such customer: 'cus_x'" })).toEqual({
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
        param: 'customer',
        message: "No such customer: 'cus_x'",
      },
    });
    expect(stripeErrorBody({ type: 'invalid_request_error', code: 'parameter_invalid_enum', message: 'x' }).error.doc_url).toBeUndefined();
    expect(stripeErrorBody({ type: 'api_error', message: 'x', doc_url: 'https://example.com' }).error.doc_url).toBe('https://example.com');
  });
});

describe('paramIssueErrorBody', () => {
  it('turns a validation issue into an invalid_request_error naming its param', () => {
    const [first] = validateCustomerSessionParams({ customer: 'cus_1', components: { buy_button: { enabled: true }, extra: {} } });
    expect(first).toBeDefined();
    expect(paramIssueErrorBody(first!)).toEqual({
      error: {
        type: 'invalid_request_error',
        code: 'parameter_unknown',
        doc_url: 'https://stripe.com/docs/error-codes/parameter-unknown',
        param: 'components[extra]',
        message: 'Received unknown parameter: components[extra]',
      },
    });
  });
});
