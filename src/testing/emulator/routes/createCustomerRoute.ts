import type { ObjectParamSchema } from '../../../params/schema';
import type { ParamIssue } from '../../../core/types';
import { collectSchemaIssues } from '../../../params/validate';
import { paramIssueErrorBody } from '../../../params/errors';
import type { EmulatorCustomerFields } from '../types';
import type { EmulatorState, RouteResult } from '../state';
import { buildEmulatorCustomer } from '../buildEmulatorCustomer';

// The emulator keeps only what sessions need; other customer params are unknown here.
const customerSchema: ObjectParamSchema = {
  type: 'object',
  fields: { description: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, phone: { type: 'string' } },
};

/** `POST /v1/customers`: creates and remembers a customer. */
export function createCustomerRoute(state: EmulatorState, params: Record<string, unknown>): RouteResult {
  const issues: ParamIssue[] = [];
  collectSchemaIssues(params, customerSchema, '', issues);
  if (issues[0]) return { status: 400, body: paramIssueErrorBody(issues[0]) };
  const customer = buildEmulatorCustomer(params as EmulatorCustomerFields, Math.floor(state.clock.now() / 1000));
  state.customers.set(customer.id, customer);
  return { status: 200, body: customer };
}
