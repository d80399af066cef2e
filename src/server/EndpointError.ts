import type { StripeErrorObject } from '../core/types';

/**
 * A refusal the handler decided on itself (bad method, body, auth...), carried to the one place
 * that turns errors into Stripe-style responses.
 */
export class EndpointError extends Error {
  override readonly name = 'EndpointError';
  readonly status: number;
  readonly error: StripeErrorObject;
  readonly headers: Record<string, string>;

  constructor(status: number, error: StripeErrorObject, headers: Record<string, string> = {}) {
    super(error.message);
    this.status = status;
    this.error = error;
    this.headers = headers;
  }
}
