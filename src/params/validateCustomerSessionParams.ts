import type { ParamIssue } from '../core/types';
import { coerceFormParams } from './coerceFormParams';
import { collectCrossFieldIssues } from './collectCrossFieldIssues';
import { collectSchemaIssues } from './collectSchemaIssues';
import { customerSessionParamsSchema } from './customerSessionParamsSchema';
import { isRecord } from '../core/isRecord';

/**
 * Every problem with `POST /v1/customer_sessions` params, in the order Stripe would meet them, each
 * with Stripe's bracketed param path (`components[payment_element][features][payment_method_redisplay_limit]`).
 * Accepts JavaScript values and decoded form strings alike (`"true"`, `"3"`): params are coerced by
 * the schema first, as Stripe's API does with form bodies. An empty list means valid.
 */
export function validateCustomerSessionParams(params: unknown): ParamIssue[] {
  const coerced = coerceFormParams(params);
  const value = isRecord(coerced) ? coerced : {};
  const issues: ParamIssue[] = [];
  collectSchemaIssues(value, customerSessionParamsSchema, '', issues);
  collectCrossFieldIssues(value, issues);
  return issues;
}
