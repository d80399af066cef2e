import type { ParamIssue } from '../core/types';

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
 * are Stripe's documented codes; for wrong types and enum values Stripe sends no code, so the
 * `parameter_invalid_<kind>` codes below are this package's, kept in the same style.
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
  tooSmall: (param: string, min: number): ParamIssue => ({
    param,
    code: 'parameter_invalid_integer',
    message: `This value must be greater than or equal to ${min}.`,
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
  noCustomer: (): ParamIssue => ({
    param: 'customer',
    code: 'parameter_missing',
    message: 'You must provide either customer or customer_account: a Customer Session acts for someone.',
  }),
};
