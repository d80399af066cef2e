import type { CustomerSession, CustomerSessionComponents, CustomerSessionCreateParams } from '../../../core/types';
import { buildCustomerSessionComponents } from '../../../params/components';
import { paramIssueErrorBody, stripeErrorBody } from '../../../params/errors';
import { coerceFormParams } from '../../../params/form';
import { validateCustomerSessionParams } from '../../../params/validate';
import type { EmulatorState, RouteResult } from '../state';
import { buildEmulatorCustomer } from '../buildEmulatorCustomer';
import { randomBase62 } from '../randomBase62';

/** The session as the emulator answers it: `components` may be left out (`sessionComponents: 'when-expanded'`). */
type SessionBody = Omit<CustomerSession, 'components'> & { components?: CustomerSessionComponents };

/**
 * `POST /v1/customer_sessions`: coerces and validates the form params with the wire model (400 naming
 * the first offending param), then answers a session that lives `sessionTtlSeconds`.
 *
 * - `customer` must be one this emulator created, `customer_account` an `acct_…` id (the emulator has
 *   no Connect accounts to seed): the reference's "ID of an existing customer / Account"; otherwise
 *   400 `resource_missing`.
 * - The object schema requires a non-null `customer`. For an Account, the emulator makes one Customer
 *   per Account id (its `customer_account` set) and reuses it; for a request naming neither, which the
 *   schema allows and the reference does not describe, it makes a Customer for that session.
 * - `expand`: `customer` (or any path below it) returns the Customer object; `components` is always
 *   there unless the emulator was made with `sessionComponents: 'when-expanded'`.
 */
export function createCustomerSessionRoute(state: EmulatorState, params: Record<string, unknown>): RouteResult {
  const coerced = coerceFormParams(params);
  const [issue] = validateCustomerSessionParams(coerced);
  if (issue) return { status: 400, body: paramIssueErrorBody(issue) };
  const valid = coerced as CustomerSessionCreateParams;

  if (valid.customer !== undefined && !state.customers.has(valid.customer)) {
    return missing('customer', `No such customer: '${valid.customer}'`);
  }
  if (valid.customer_account !== undefined && !/^acct_[A-Za-z0-9]+$/.test(valid.customer_account)) {
    return missing('customer_account', `No such account: '${valid.customer_account}'`);
  }

  const created = Math.floor(state.clock.now() / 1000);
  const customerId = valid.customer ?? customerFor(state, valid.customer_account ?? null, created);
  const expanded = new Set((valid.expand ?? []).map((path) => path.split('.')[0]));
  const session: SessionBody = {
    object: 'customer_session',
    // 47 base62 characters after the prefix, like the secret in Stripe's OpenAPI fixture.
    client_secret: `cuss_secret_${randomBase62(47)}`,
    created,
    customer: expanded.has('customer') ? structuredClone(state.customers.get(customerId)!) : customerId,
    customer_account: valid.customer_account ?? null,
    expires_at: created + state.sessionTtlSeconds,
    livemode: false,
  };
  const components = buildCustomerSessionComponents(valid.components);
  if (state.sessionComponents === 'always' || expanded.has('components')) session.components = structuredClone(components);
  // Kept whole (components included, customer as an id) for the stand-ins, which resolve secrets here.
  state.sessions.set(session.client_secret, { ...session, customer: customerId, components });
  return { status: 200, body: session };
}

/** The Customer a session without `customer` stands for: the Account's own (made once) or a new one. */
function customerFor(state: EmulatorState, account: string | null, created: number): string {
  const known = account === null ? undefined : state.accountCustomers.get(account);
  if (known !== undefined) return known;
  const customer = buildEmulatorCustomer({}, created, account);
  state.customers.set(customer.id, customer);
  if (account !== null) state.accountCustomers.set(account, customer.id);
  return customer.id;
}

function missing(param: string, message: string): RouteResult {
  return { status: 400, body: stripeErrorBody({ type: 'invalid_request_error', code: 'resource_missing', param, message }) };
}
