/**
 * The Customer object a Customer Session carries as `customer` when created with
 * `expand: ['customer']`. Typed from stripe 23's `Stripe.Customer` (API 2026-10-28.endive): the
 * members it always has, plus the common optional ones; it is assignable to `Stripe.Customer`
 * (test/core/sdkCompatibility.test-d.ts). Nested expansions (`customer.default_source`, ...) are not
 * typed here: use the SDK's own type on the server for those.
 */
export interface ExpandedCustomer {
  id: string;
  object: 'customer';
  address?: CustomerAddress | null;
  balance: number;
  created: number;
  currency?: string | null;
  /** The Account this Customer represents, when it was created through `customer_account`. */
  customer_account?: string | null;
  /** ID of the default payment source (unexpanded). */
  default_source: string | null;
  delinquent?: boolean | null;
  description: string | null;
  email: string | null;
  invoice_prefix?: string | null;
  invoice_settings: {
    custom_fields: Array<{ name: string; value: string }> | null;
    /** ID of the default PaymentMethod for invoices and subscriptions (unexpanded). */
    default_payment_method: string | null;
    footer: string | null;
    rendering_options: { amount_tax_display: string | null; template: string | null } | null;
  };
  livemode: boolean;
  metadata: Record<string, string>;
  name?: string | null;
  phone?: string | null;
  preferred_locales?: string[] | null;
  shipping: {
    address?: CustomerAddress;
    carrier?: string | null;
    name?: string;
    phone?: string | null;
    tracking_number?: string | null;
  } | null;
  tax_exempt?: 'exempt' | 'none' | 'reverse' | null;
  /** ID of the test clock this Customer belongs to (unexpanded). */
  test_clock?: string | null;
}

/** A Customer's `address` (or `shipping.address`), as Stripe returns it. */
export interface CustomerAddress {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
}
