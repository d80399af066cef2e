import type { CustomerSessionCreateParams, ParamIssue } from '../core/types';
import { componentNames } from '../core/componentNames';
import { isRecord } from '../core/isRecord';
import { paramIssues } from './errors';
import { coerceFormParams } from './form';
import { customerSessionParamsSchema, expandableFields, paramPath, type ExpandableFields, type ParamSchema } from './schema';

/**
 * Appends every problem of `value` against `schema` to `issues`: per object, unknown keys first,
 * then missing required keys, then each known key in schema order. `undefined` means "not sent";
 * `null` (and `''` where a string is not expected) is an attempt to unset, which no param allows.
 */
export function collectSchemaIssues(value: unknown, schema: ParamSchema, path: string, issues: ParamIssue[]): void {
  if (value === undefined) return;
  if (value === null || (value === '' && schema.type !== 'string')) {
    issues.push(paramIssues.empty(path));
    return;
  }
  switch (schema.type) {
    case 'boolean':
      if (typeof value !== 'boolean') issues.push(paramIssues.boolean(path, value));
      return;
    case 'string':
      if (typeof value !== 'string') issues.push(paramIssues.string(path, value));
      else if (schema.maxLength !== undefined && value.length > schema.maxLength) issues.push(paramIssues.tooLong(path, value, schema.maxLength));
      return;
    case 'integer':
      // Safe integers only: larger ones are not exact in JavaScript, nor written as digits on the wire (1e+21).
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) issues.push(paramIssues.integer(path, value));
      else if (schema.max !== undefined && value > schema.max) issues.push(paramIssues.tooLarge(path, schema.max));
      return;
    case 'enum':
      if (typeof value !== 'string' || !schema.values.includes(value)) issues.push(paramIssues.enumValue(path, schema.values));
      return;
    case 'array':
      if (!Array.isArray(value)) issues.push(paramIssues.array(path));
      else value.forEach((item, index) => collectSchemaIssues(item, schema.items, paramPath(path, index), issues));
      return;
    case 'object': {
      if (!isRecord(value)) {
        issues.push(paramIssues.object(path));
        return;
      }
      for (const key of Object.keys(value)) {
        if (!Object.hasOwn(schema.fields, key)) issues.push(paramIssues.unknown(paramPath(path, key)));
      }
      for (const key of schema.required ?? []) {
        if (value[key] === undefined) issues.push(paramIssues.missing(paramPath(path, key)));
      }
      for (const [key, child] of Object.entries(schema.fields)) {
        collectSchemaIssues(value[key], child, paramPath(path, key), issues);
      }
    }
  }
}

/** The first segment of a dotted `expand` path that is not expandable, or undefined when it all is. */
function unexpandableSegment(path: string): string | undefined {
  let node: ExpandableFields | 'any' = expandableFields;
  for (const segment of path.split('.')) {
    if (node === 'any') return undefined;
    if (!Object.hasOwn(node, segment)) return segment;
    node = node[segment] as ExpandableFields | 'any';
  }
  return undefined;
}

/** The rules a schema node cannot express (run on coerced params after the schema walk), each cited. */
function collectRuleIssues(params: Record<string, unknown>, issues: ParamIssue[]): void {
  const { components, expand } = params;
  if (isRecord(components)) {
    // [schema] description of `components` (and [prose]): "At least 1 component must be enabled."
    const anyEnabled = componentNames.some((name) => {
      const config = components[name];
      return isRecord(config) && config.enabled === true;
    });
    if (!anyEnabled) issues.push(paramIssues.noComponentEnabled());

    // [prose] payment_method_save_usage: "required if payment_method_save=enabled" (Payment Element only).
    const paymentElement = components.payment_element;
    const features = isRecord(paymentElement) ? paymentElement.features : undefined;
    if (isRecord(features) && features.payment_method_save === 'enabled' && features.payment_method_save_usage === undefined) {
      issues.push(
        paramIssues.missing(
          'components[payment_element][features][payment_method_save_usage]',
          'It is required when payment_method_save is enabled.',
        ),
      );
    }
  }
  // [schema] `x-expandableFields`: `expand` may only name expandable fields of the object.
  if (Array.isArray(expand)) {
    expand.forEach((path: unknown, index) => {
      const param = paramPath('expand', index);
      if (typeof path !== 'string' || issues.some((issue) => issue.param === param)) return; // refused by the schema already
      const segment = unexpandableSegment(path);
      if (segment !== undefined) issues.push(paramIssues.notExpandable(param, segment));
    });
  }
}

/**
 * Every problem with `POST /v1/customer_sessions` params, in the order Stripe would meet them, each
 * with Stripe's bracketed param path (`components[payment_element][features][payment_method_redisplay_limit]`).
 * Accepts JavaScript values and decoded form strings alike (`"true"`, `"3"`): params are coerced by
 * the schema first, as Stripe's API does with form bodies. An empty list means valid.
 *
 * Only rules with a source are checked (the schema, stripe 23's types, the reference's prose; see
 * `schema.ts`). It does not require `customer` or `customer_account`: the API's schema does not, and
 * the server's handler always sends the one `resolveCustomer` returns.
 */
export function validateCustomerSessionParams(params: unknown): ParamIssue[] {
  const coerced = coerceFormParams(params);
  const value = isRecord(coerced) ? coerced : {};
  const issues: ParamIssue[] = [];
  collectSchemaIssues(value, customerSessionParamsSchema, '', issues);
  collectRuleIssues(value, issues);
  return issues;
}

/**
 * Type guard: true when `params` is valid exactly as given. Form strings such as `"true"` are valid
 * on the wire but are not typed params, so a value that coercion would change fails here.
 */
export function isValidCustomerSessionParams(params: unknown): params is CustomerSessionCreateParams {
  return (
    validateCustomerSessionParams(params).length === 0 &&
    JSON.stringify(coerceFormParams(params)) === JSON.stringify(params)
  );
}
