/** Options of `createStripeEmulator`. */
export interface StripeEmulatorOptions {
  /** Time source in milliseconds since the Unix epoch. Defaults to `Date.now`. */
  now?: () => number;
  /** Lifetime of a Customer Session: `expires_at = created + sessionTtlSeconds`. Defaults to 1800 (30 minutes). */
  sessionTtlSeconds?: number;
  /**
   * When a Customer Session carries `components`. `'always'` (the default) matches the reference and
   * Stripe's fixture. `'when-expanded'` leaves it out unless the request has `expand: ['components']`,
   * as the object schema allows (`components` is optional and expandable): for testing code that must
   * cope with an API version that omits it.
   */
  sessionComponents?: 'always' | 'when-expanded';
}

/** The emulator's injectable clock (milliseconds since the Unix epoch). */
export interface EmulatorClock {
  now(): number;
  /** Moves time forward (or back, with a negative number) by `ms`. */
  advance(ms: number): void;
  /** Freezes time at `ms`; `advance` then moves from there. */
  set(ms: number): void;
}

/** One request the emulator accepted: method, path and decoded form params. Never headers or keys. */
export interface EmulatorRequestRecord {
  method: string;
  path: string;
  params: Record<string, unknown>;
}

/** Fields accepted by `POST /v1/customers` and `createCustomer`. */
export interface EmulatorCustomerFields {
  email?: string;
  name?: string;
  description?: string;
  phone?: string;
}

/** A Stripe-shaped Customer object: every member stripe 23's `Stripe.Customer` requires, and the common optional ones. */
export interface EmulatorCustomer {
  id: string;
  object: 'customer';
  address: null;
  balance: number;
  created: number;
  currency: null;
  default_source: null;
  delinquent: boolean;
  description: string | null;
  email: string | null;
  invoice_prefix: string;
  livemode: false;
  metadata: Record<string, string>;
  name: string | null;
  phone: string | null;
  preferred_locales: string[];
  shipping: null;
  tax_exempt: 'none';
  test_clock: null;
  /** The Account this Customer stands for, when the emulator made it for a `customer_account` session. */
  customer_account: string | null;
  invoice_settings: { custom_fields: null; default_payment_method: null; footer: null; rendering_options: null };
}

/** An in-process stand-in for Stripe's API: `POST /v1/customers` and `POST /v1/customer_sessions`. */
export interface StripeEmulator {
  /** Answers one Fetch API request like Stripe would; routes by pathname (`/v1/...`), any origin. */
  handle(request: Request): Promise<Response>;
  /** Seeds a customer without HTTP. */
  createCustomer(fields?: EmulatorCustomerFields): EmulatorCustomer;
  clock: EmulatorClock;
  /** Every request that passed authentication and carried a readable form body, oldest first. */
  readonly requests: ReadonlyArray<EmulatorRequestRecord>;
}
