import type { EmulatorCustomer, EmulatorCustomerFields } from './types';
import { randomBase62 } from './randomBase62';

/** A new Stripe-shaped customer (`cus_` + 14 base62 characters, as Stripe's ids look). */
export function buildEmulatorCustomer(
  fields: EmulatorCustomerFields,
  createdSeconds: number,
  customerAccount: string | null = null,
): EmulatorCustomer {
  const id = `cus_${randomBase62(14)}`;
  return {
    id,
    object: 'customer',
    address: null,
    balance: 0,
    created: createdSeconds,
    currency: null,
    customer_account: customerAccount,
    default_source: null,
    delinquent: false,
    description: fields.description ?? null,
    email: fields.email ?? null,
    invoice_prefix: randomBase62(8).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: {},
    name: fields.name ?? null,
    phone: fields.phone ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}
