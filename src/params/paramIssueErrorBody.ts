import type { ParamIssue, StripeErrorBody } from '../core/types';
import { stripeErrorBody } from './stripeErrorBody';

/**
 * The `invalid_request_error` body Stripe answers with for invalid params: it names the first
 * problem only (pass the first of `validateCustomerSessionParams`' list).
 */
export function paramIssueErrorBody(issue: ParamIssue): StripeErrorBody {
  return stripeErrorBody({ type: 'invalid_request_error', code: issue.code, param: issue.param, message: issue.message });
}
