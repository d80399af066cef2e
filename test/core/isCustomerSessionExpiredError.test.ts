import Stripe from 'stripe';
import { CustomerSessionError, isCustomerSessionExpiredError } from '../../src/index';

describe('isCustomerSessionExpiredError', () => {
  const wire = { type: 'invalid_request_error' as const, code: 'customer_session_expired', message: 'The customer session has expired.' };

  it("recognises Stripe's code in every shape it arrives in", () => {
    expect(isCustomerSessionExpiredError(wire)).toBe(true); // Stripe.js: `const { error } = await stripe.confirmPayment(…)`
    expect(isCustomerSessionExpiredError({ error: wire })).toBe(true); // an API error body
    expect(isCustomerSessionExpiredError(new Stripe.errors.StripeInvalidRequestError({ ...wire }))).toBe(true); // stripe-node
    expect(isCustomerSessionExpiredError(new CustomerSessionError('http', 'Endpoint answered 400', { status: 400, stripeError: wire }))).toBe(true);
  });

  it('is false for other codes, other errors and non-objects', () => {
    expect(isCustomerSessionExpiredError({ ...wire, code: 'resource_missing' })).toBe(false);
    expect(isCustomerSessionExpiredError(new CustomerSessionError('expired', 'The session arrived already expired.'))).toBe(false);
    expect(isCustomerSessionExpiredError(new Error('customer_session_expired'))).toBe(false);
    for (const value of [undefined, null, 'customer_session_expired', 0]) expect(isCustomerSessionExpiredError(value)).toBe(false);
  });
});
