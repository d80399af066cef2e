import type { ParamIssue, StripeErrorBody, StripeErrorObject } from '../core/types';

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

/**
 * The `invalid_request_error` body Stripe answers with for invalid params: it names the first
 * problem only (pass the first of `validateCustomerSessionParams`' list).
 */
export function paramIssueErrorBody(issue: ParamIssue): StripeErrorBody {
  return stripeErrorBody({ type: 'invalid_request_error', code: issue.code, param: issue.param, message: issue.message });
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function oneOf(values: readonly string[]): string {
  if (values.length <= 2) return values.join(' or ');
  return `${values.slice(0, -1).join(', ')}, or ${values[values.length - 1]}`;
}

/**
 * Builders for every problem the validator reports, with Stripe's wording where Stripe has one.
 * `parameter_unknown`, `parameter_missing`, `parameter_invalid_empty` and `parameter_invalid_integer`
 * are Stripe's documented codes; for wrong types, enum values, long strings and unexpandable paths
 * Stripe sends no code, so the `parameter_invalid_<kind>` codes below are this package's, in the same style.
 */
export const paramIssues = {
  unknown: (param: string): ParamIssue => ({
    param,
    code: 'parameter_unknown',
    message: `Received unknown parameter: ${param}`,
  }),
  missing: (param: string, why = ''): ParamIssue => ({
    param,
    code: 'parameter_missing',
    message: `Missing required param: ${param}.${why ? ` ${why}` : ''}`,
  }),
  empty: (param: string): ParamIssue => ({
    param,
    code: 'parameter_invalid_empty',
    message:
      `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; ` +
      `however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
  }),
  integer: (param: string, value: unknown): ParamIssue => ({
    param,
    code: 'parameter_invalid_integer',
    message: `Invalid integer: ${describe(value)}`,
  }),
  tooLarge: (param: string, max: number): ParamIssue => ({
    param,
    code: 'parameter_invalid_integer',
    message: `This value must be less than or equal to ${max}.`,
  }),
  boolean: (param: string, value: unknown): ParamIssue => ({
    param,
    code: 'parameter_invalid_boolean',
    message: `Invalid boolean: ${describe(value)}`,
  }),
  string: (param: string, value: unknown): ParamIssue => ({
    param,
    code: 'parameter_invalid_string',
    message: `Invalid string: ${describe(value)}`,
  }),
  tooLong: (param: string, value: string, maxLength: number): ParamIssue => ({
    param,
    code: 'parameter_invalid_string',
    message: `Invalid string: ${describe(value)}; must be at most ${maxLength} characters`,
  }),
  array: (param: string): ParamIssue => ({ param, code: 'parameter_invalid_array', message: 'Invalid array' }),
  object: (param: string): ParamIssue => ({ param, code: 'parameter_invalid_object', message: 'Invalid object' }),
  enumValue: (param: string, values: readonly string[]): ParamIssue => ({
    param,
    code: 'parameter_invalid_enum',
    message: `Invalid ${param}: must be one of ${oneOf(values)}`,
  }),
  noComponentEnabled: (): ParamIssue => ({
    param: 'components',
    code: 'parameter_missing',
    message: 'At least 1 component must be enabled.',
  }),
  notExpandable: (param: string, path: string): ParamIssue => ({
    param,
    code: 'parameter_invalid_expand',
    message: `This property cannot be expanded (${path}).`,
  }),
};
