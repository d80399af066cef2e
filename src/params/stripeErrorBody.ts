import type { StripeErrorBody, StripeErrorObject } from '../core/types';

// Codes Stripe documents at https://docs.stripe.com/error-codes; only these get a `doc_url`.
const documentedCodes = new Set([
  'parameter_unknown',
  'parameter_missing',
  'parameter_invalid_empty',
  'parameter_invalid_integer',
  'resource_missing',
  'idempotency_key_in_use',
]);

/**
 * A Stripe error body `{ error: { type, code?, param?, message, doc_url? } }`. Absent members are
 * left out rather than set to undefined, so the body serialises like Stripe's.
 */
export function stripeErrorBody(error: StripeErrorObject): StripeErrorBody {
  const body: StripeErrorObject = { type: error.type, message: error.message };
  if (error.code !== undefined) body.code = error.code;
  const docUrl = error.doc_url ?? (error.code !== undefined && documentedCodes.has(error.code)
    ? `https://stripe.com/docs/error-codes/${error.code.replace(/_/g, '-')}`
    : undefined);
  if (docUrl !== undefined) body.doc_url = docUrl;
  if (error.param !== undefined) body.param = error.param;
  return { error: body };
}
