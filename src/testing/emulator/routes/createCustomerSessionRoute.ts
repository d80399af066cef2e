import type { CustomerSession, CustomerSessionCreateParams } from '../../../core/types';
import { buildCustomerSessionComponents } from '../../../params/buildCustomerSessionComponents';
import { coerceFormParams } from '../../../params/coerceFormParams';
import { paramIssueErrorBody } from '../../../params/paramIssueErrorBody';
import { stripeErrorBody } from '../../../params/stripeErrorBody';
import { validateCustomerSessionParams } from '../../../params/validateCustomerSessionParams';
import type { EmulatorState, RouteResult } from '../state';
import { randomBase62 } from '../randomBase62';

/**
 * `POST /v1/customer_sessions`: coerces and validates the form params with the wire model (400 naming
 * the first offending param), requires a customer this emulator created (400 `resource_missing`), and
 * answers a session that lives `sessionTtlSeconds`. `customer_account` is not looked up: any id shaped
 * like `acct_…` is accepted, since the emulator has no Connect accounts to seed.
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
  const session: CustomerSession = {
    object: 'customer_session',
    // 47 base62 characters after the prefix, like the secret in Stripe's OpenAPI fixture.
    client_secret: `cuss_secret_${randomBase62(47)}`,
    components: buildCustomerSessionComponents(valid.components),
    created,
    customer: valid.customer ?? null,
    customer_account: valid.customer_account ?? null,
    expires_at: created + state.sessionTtlSeconds,
    livemode: false,
  };
  return { status: 200, body: session };
}

function missing(param: string, message: string): RouteResult {
  return { status: 400, body: stripeErrorBody({ type: 'invalid_request_error', code: 'resource_missing', param, message }) };
}
