import type { AllowRedisplay, CustomerSession } from '../../core/types';

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
  /**
   * Enforces Stripe's account-wide rate limit: at most `perSecond` requests a second (a token bucket, so
   * a burst of `perSecond` after a quiet spell), counted over every endpoint, after authentication.
   * Beyond it the answer is Stripe's own 429 (`invalid_request_error`, code `rate_limit`), for which the
   * official SDK raises `StripeRateLimitError`. Stripe's figures: 100 in live mode, 25 in test mode.
   * Off by default. Follows `now` and the emulator's `clock`.
   */
  rateLimit?: { perSecond: number };
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

/** A card brand the emulator gives seeded cards, as Stripe names them in `card.brand`. */
export type EmulatorCardBrand = 'amex' | 'diners' | 'discover' | 'jcb' | 'mastercard' | 'unionpay' | 'visa' | 'unknown';

/** A card to seed with `createPaymentMethod` / `seedSavedCards`: what the Payment Element shows of it. */
export interface EmulatorSavedCard {
  brand: EmulatorCardBrand;
  last4: string;
  exp_month: number;
  exp_year: number;
  /** Stripe's consent marker; the Payment Element filters on it. Default `unspecified`, as Stripe's API. */
  allow_redisplay?: AllowRedisplay;
  /** Attaches the card to this customer (which must exist). */
  customer?: string;
  /** `billing_details.name`. */
  name?: string;
}

/** A card PaymentMethod as Stripe returns it (the fields an integration reads; other types are not emulated). */
export interface EmulatorPaymentMethod {
  id: string;
  object: 'payment_method';
  allow_redisplay: AllowRedisplay;
  billing_details: {
    address: { city: null; country: null; line1: null; line2: null; postal_code: null; state: null };
    email: null;
    name: string | null;
    phone: null;
    tax_id: null;
  };
  card: {
    brand: EmulatorCardBrand;
    checks: { address_line1_check: null; address_postal_code_check: null; cvc_check: 'pass' };
    country: string;
    display_brand: string;
    exp_month: number;
    exp_year: number;
    fingerprint: string;
    funding: 'credit';
    generated_from: null;
    last4: string;
    networks: { available: string[]; preferred: null };
    regulated_status: 'unregulated';
    three_d_secure_usage: { supported: true };
    wallet: null;
  };
  created: number;
  customer: string | null;
  customer_account: null;
  livemode: false;
  metadata: Record<string, string>;
  type: 'card';
}

/** Stripe's list envelope. */
export interface EmulatorList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/**
 * An in-process stand-in for Stripe's API: `POST /v1/customers`, `POST /v1/customer_sessions`, card
 * PaymentMethods (`POST /v1/payment_methods`, `…/:id/attach`, `…/:id/detach`) and
 * `GET /v1/customers/:id/payment_methods`.
 */
export interface StripeEmulator {
  /** Answers one Fetch API request like Stripe would; routes by pathname (`/v1/...`), any origin. */
  handle(request: Request): Promise<Response>;
  /** Seeds a customer without HTTP. */
  createCustomer(fields?: EmulatorCustomerFields): EmulatorCustomer;
  /** Seeds a card PaymentMethod without HTTP, attached when `card.customer` is set (throws for an unknown customer). */
  createPaymentMethod(card: EmulatorSavedCard): EmulatorPaymentMethod;
  /**
   * The Customer Session behind a client secret this emulator issued (`customer` as an id, `components`
   * always there), as Stripe.js and the web components look it up; `undefined` for any other secret.
   */
  findCustomerSession(clientSecret: string): CustomerSession | undefined;
  clock: EmulatorClock;
  /** Every request that passed authentication and carried a readable form body, oldest first. */
  readonly requests: ReadonlyArray<EmulatorRequestRecord>;
}
