import { buildCustomerSessionComponents } from '../params/components';
import type { ComponentName } from '../core/componentNames';
import type { CustomerSession, CustomerSessionComponents, CustomerSessionComponentsParams } from '../core/types';

/** Options of `makeCustomerSession`: any field of the session to set, plus `components` as a list. */
export interface MakeCustomerSessionOptions extends Partial<Omit<CustomerSession, 'components'>> {
  /** Components to enable (the rest are present and disabled), or a full `components` object. Default: Payment Element, pricing table, buy button. */
  components?: ComponentName[] | CustomerSessionComponents;
  /** Server time of creation in ms; sets `created`. Default `Date.now()`. */
  now?: number;
  /** `expires_at − created` in seconds. Default 1800 (Stripe's 30 minutes). */
  lifetimeSeconds?: number;
}

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
let serial = 0;

function fakeSecretBody(): string {
  serial += 1;
  let body = '';
  let n = serial * 2654435761 + 97;
  for (let i = 0; i < 46; i++) {
    body += base62[n % 62];
    n = Math.floor(n / 62) + (i + 1) * 7919 * serial;
  }
  return body;
}

/**
 * A valid Customer Session object as Stripe returns it (fixture shape), with a fresh, fake
 * `cuss_secret_…` on every call. Any field can be overridden.
 *
 * @example
 * http.post('/api/customer-session', () => HttpResponse.json(makeCustomerSession({ components: ['pricing_table'] })));
 */
export function makeCustomerSession(options: MakeCustomerSessionOptions = {}): CustomerSession {
  const { components = ['payment_element', 'pricing_table', 'buy_button'], now = Date.now(), lifetimeSeconds = 1800, ...fields } = options;
  const created = fields.created ?? Math.floor(now / 1000);
  let full: CustomerSessionComponents;
  if (Array.isArray(components)) {
    const params: CustomerSessionComponentsParams = {};
    for (const name of components) params[name] = { enabled: true };
    full = buildCustomerSessionComponents(params);
  } else {
    full = components;
  }
  return {
    object: 'customer_session',
    client_secret: `cuss_secret_${fakeSecretBody()}`,
    components: full,
    created,
    customer: 'cus_TestCustomer0001',
    customer_account: null,
    expires_at: created + lifetimeSeconds,
    livemode: false,
    ...fields,
  };
}
