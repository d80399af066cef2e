/**
 * Wire types for `POST /v1/customer_sessions`, written from stripe 23's types (API 2026-10-28.endive)
 * and Stripe's OpenAPI schemas in shared/reference (API 2026-07-29.dahlia): the Customer Session object
 * and Stripe's error body here, the create params in createParams.ts (re-exported). Both are assignable
 * to the official SDK's `Stripe.CustomerSessionCreateParams` and `Stripe.CustomerSession` (proved in
 * test/core/sdkCompatibility.test-d.ts).
 */
import type { AllowRedisplay, FeatureToggle, PaymentMethodSaveUsage } from './createParams';
import type { ExpandedCustomer } from './expandedCustomer';

export type {
  AllowRedisplay,
  FeatureToggle,
  PaymentMethodSaveUsage,
  BuyButtonParams,
  ActiveEntitlementsParams,
  CustomerPortalParams,
  PricingTableParams,
  CustomerSheetFeaturesParams,
  CustomerSheetParams,
  MobilePaymentElementFeaturesParams,
  MobilePaymentElementParams,
  PaymentElementFeaturesParams,
  PaymentElementParams,
  CustomerSessionComponentsParams,
  CustomerSessionCreateParams,
  CustomerSessionComponentsPolicy,
} from './createParams';
export type { CustomerAddress, ExpandedCustomer } from './expandedCustomer';

// ---------- the Customer Session object ----------

/** The Customer Sheet's features as a session reports them (`null`: not set). */
export interface CustomerSheetFeatures {
  /** Which saved payment methods are listed, by their `allow_redisplay`. */
  payment_method_allow_redisplay_filters: AllowRedisplay[] | null;
  /** Whether the customer may remove a saved payment method. */
  payment_method_remove: FeatureToggle | null;
}

/** The mobile Payment Element's features as a session reports them (`null`: not set). */
export interface MobilePaymentElementFeatures {
  /** Which saved payment methods are shown, by their `allow_redisplay`. */
  payment_method_allow_redisplay_filters: AllowRedisplay[] | null;
  /** Whether saved payment methods are shown. */
  payment_method_redisplay: FeatureToggle | null;
  /** Whether the customer may remove a saved payment method. */
  payment_method_remove: FeatureToggle | null;
  /** Whether the "save for future purchases" checkbox is shown. */
  payment_method_save: FeatureToggle | null;
  /** The `allow_redisplay` a payment method saved through it gets. */
  payment_method_save_allow_redisplay_override: AllowRedisplay | null;
}

/** The Payment Element's features as a session reports them, each filled in with Stripe's default. */
export interface PaymentElementFeatures {
  /** Which saved payment methods are shown, by their `allow_redisplay` (default `['always']`). */
  payment_method_allow_redisplay_filters: AllowRedisplay[];
  /** Whether the customer's saved payment methods are shown. */
  payment_method_redisplay: FeatureToggle;
  /** How many saved payment methods are shown at most. */
  payment_method_redisplay_limit: number | null;
  /** Whether each saved payment method shown has a Remove button. */
  payment_method_remove: FeatureToggle;
  /** Whether the "Save payment details for future purchases" checkbox is shown. */
  payment_method_save: FeatureToggle;
  /** The `setup_future_usage` of a PaymentIntent confirmed with the box ticked. */
  payment_method_save_usage: PaymentMethodSaveUsage | null;
}

/** Every component as a session reports it: `enabled`, and the features of the payment elements. */
export interface CustomerSessionComponents {
  /** The active entitlements component. */
  active_entitlements: { enabled: boolean };
  /** The buy button: `enabled` lets `BuyButton` show the customer. */
  buy_button: { enabled: boolean };
  /** The customer portal component. */
  customer_portal: { enabled: boolean };
  /** The mobile Customer Sheet, with its features. */
  customer_sheet: { enabled: boolean; features: CustomerSheetFeatures | null };
  /** The mobile Payment Element, with its features. */
  mobile_payment_element: { enabled: boolean; features: MobilePaymentElementFeatures | null };
  /** The Payment Element: `enabled` hands `CustomerSessionElements` the customer; `features` say what it shows. */
  payment_element: { enabled: boolean; features: PaymentElementFeatures | null };
  /** The pricing table: `enabled` lets `PricingTable` show the customer. */
  pricing_table: { enabled: boolean };
}

/**
 * A Customer Session as Stripe returns it (and your endpoint answers it): what the browser is given to
 * recognise the customer in Stripe's elements until `expires_at`.
 */
export interface CustomerSession {
  /** Always `'customer_session'`. */
  object: 'customer_session';
  /** Single-use secret (`cuss_secret_…`). Never log, persist or put it in a URL. */
  client_secret: string;
  /** Which components the session enables, and their features. */
  components: CustomerSessionComponents;
  /**
   * Server time of creation, seconds since the Unix epoch. Always set by Stripe (and typed as set, like
   * the SDK's), but an app's endpoint may leave it out and the client accepts that: it then cannot
   * measure clock skew, so it trusts the local clock (`expiresAt` is `expires_at` itself; the lifetime
   * the refresh margin is clamped to runs from the request's send time) and refuses, as kind `expired`,
   * a session already past `expires_at` when it arrives. Such a session lacks the field at runtime.
   */
  created: number;
  /** The Customer's ID, or the Customer object when the session was created with `expand: ['customer']`. */
  customer: string | ExpandedCustomer;
  /** The Account (`acct_…`) the session was created for instead of a Customer; otherwise `null`. */
  customer_account: string | null;
  /** Seconds since the Unix epoch (server clock). */
  expires_at: number;
  /** `true` for a live-mode key's session, `false` in test mode. */
  livemode: boolean;
}

// ---------- errors on the wire ----------

/** Stripe's error `type`s (any other string is accepted as Stripe adds types). */
export type StripeErrorType =
  | 'api_error'
  | 'card_error'
  | 'idempotency_error'
  | 'invalid_request_error'
  | 'rate_limit_error'
  | 'authentication_error'
  | (string & {});

/** The `error` member of a Stripe error body. */
export interface StripeErrorObject {
  /** The kind of error, e.g. `invalid_request_error` (bad params, a customer not signed in) or `rate_limit_error`. */
  type: StripeErrorType;
  /** A machine-readable reason, e.g. `resource_missing` or `parameter_invalid_integer`. */
  code?: string;
  /** The offending param in Stripe's bracket notation, e.g. `components[payment_element][features][payment_method_redisplay_limit]`. */
  param?: string;
  /** A sentence for the developer (never shown to customers as is). */
  message: string;
  /** A link to Stripe's page about `code`. */
  doc_url?: string;
}

/** A Stripe error response body, as Stripe and `createCustomerSessionHandler` answer errors. */
export interface StripeErrorBody {
  /** What went wrong. */
  error: StripeErrorObject;
}

/** One problem found by `validateCustomerSessionParams`. */
export interface ParamIssue {
  /** Stripe's bracketed param path, e.g. `components[payment_element][features][payment_method_redisplay_limit]`. */
  param: string;
  /** What is wrong with it, as Stripe words it. */
  message: string;
  /** Stripe error code: `parameter_unknown`, `parameter_missing` or `parameter_invalid_*`. */
  code: string;
}
