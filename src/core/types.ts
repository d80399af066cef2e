/**
 * Wire types for `POST /v1/customer_sessions`, written from stripe 23's types (API 2026-10-28.endive)
 * and Stripe's OpenAPI schemas in shared/reference (API 2026-07-29.dahlia). Create params and the
 * Customer Session object are assignable to the official SDK's `Stripe.CustomerSessionCreateParams`
 * and `Stripe.CustomerSession` (proved in test/core/sdkCompatibility.test-d.ts).
 */
import type { ExpandedCustomer } from './expandedCustomer';

export type { CustomerAddress, ExpandedCustomer } from './expandedCustomer';

/** A saved PaymentMethod's `allow_redisplay`: whether the customer agreed to see it again (`always`), or it was saved for a limited use. */
export type AllowRedisplay = 'always' | 'limited' | 'unspecified';
/** A feature of an element, on or off. */
export type FeatureToggle = 'disabled' | 'enabled';
/** The `setup_future_usage` a PaymentIntent is confirmed with when the customer ticks the save checkbox. */
export type PaymentMethodSaveUsage = 'off_session' | 'on_session';

// ---------- create params ----------

/** The buy button (`<stripe-buy-button>`, `BuyButton`). */
export interface BuyButtonParams {
  /** Whether the session lets the buy button recognise the customer. */
  enabled: boolean;
}

/** Active entitlements (stripe 23). No web component or Element here: read its secret with `useComponentSecret`. */
export interface ActiveEntitlementsParams {
  /** Whether the session enables the active entitlements component. */
  enabled: boolean;
}

/** Customer portal (stripe 23). No web component or Element here: read its secret with `useComponentSecret`. */
export interface CustomerPortalParams {
  /** Whether the session enables the customer portal component. */
  enabled: boolean;
}

/** The pricing table (`<stripe-pricing-table>`, `PricingTable`). */
export interface PricingTableParams {
  /** Whether the session lets the pricing table recognise the customer. */
  enabled: boolean;
}

/** What the mobile Customer Sheet lets the customer do with saved payment methods. */
export interface CustomerSheetFeaturesParams {
  /** Which saved payment methods are listed, by their `allow_redisplay`. Default `['always']`. */
  payment_method_allow_redisplay_filters?: AllowRedisplay[];
  /** Whether the customer may remove a saved payment method. Default `disabled`. */
  payment_method_remove?: FeatureToggle;
}

/** The Customer Sheet of Stripe's mobile SDKs (no web element: its secret is for a native app). */
export interface CustomerSheetParams {
  /** Whether the session enables the Customer Sheet. */
  enabled: boolean;
  /** What it lets the customer do; each feature is off unless enabled here. */
  features?: CustomerSheetFeaturesParams;
}

/** What the mobile Payment Element shows and lets the customer do with saved payment methods. */
export interface MobilePaymentElementFeaturesParams {
  /** Which saved payment methods are shown, by their `allow_redisplay`. Default `['always']`. */
  payment_method_allow_redisplay_filters?: AllowRedisplay[];
  /** Whether saved payment methods are shown. Default `disabled`. */
  payment_method_redisplay?: FeatureToggle;
  /** Whether the customer may remove a saved payment method. Default `disabled`. */
  payment_method_remove?: FeatureToggle;
  /** Whether the "save for future purchases" checkbox is shown. Default `disabled`. */
  payment_method_save?: FeatureToggle;
  /** The `allow_redisplay` a payment method saved through it gets, instead of the one Stripe would choose. */
  payment_method_save_allow_redisplay_override?: AllowRedisplay;
}

/** The Payment Element of Stripe's mobile SDKs (no web element: its secret is for a native app). */
export interface MobilePaymentElementParams {
  /** Whether the session enables the mobile Payment Element. */
  enabled: boolean;
  /** What it shows; each feature is off unless enabled here. */
  features?: MobilePaymentElementFeaturesParams;
}

/** What the Payment Element shows the customer and lets them do with their saved payment methods. Each is off unless enabled here. */
export interface PaymentElementFeaturesParams {
  /** Which saved payment methods are shown, by their `allow_redisplay`. Default `['always']`. */
  payment_method_allow_redisplay_filters?: AllowRedisplay[];
  /** Whether the customer's saved payment methods are shown, to pay with one. Default `disabled`. */
  payment_method_redisplay?: FeatureToggle;
  /** How many saved payment methods are shown at most: an integer, at most 10; defaults to 3. */
  payment_method_redisplay_limit?: number;
  /** Whether each saved payment method shown has a Remove button (it detaches it from the customer). Default `disabled`. */
  payment_method_remove?: FeatureToggle;
  /** Whether the "Save payment details for future purchases" checkbox is shown; a card saved with it gets `allow_redisplay: 'always'`. Default `disabled`. */
  payment_method_save?: FeatureToggle;
  /** The `setup_future_usage` of a PaymentIntent confirmed with the box ticked. Required when `payment_method_save` is `enabled`. */
  payment_method_save_usage?: PaymentMethodSaveUsage;
}

/** The Payment Element (`CustomerSessionElements`). */
export interface PaymentElementParams {
  /** Whether the session hands the Payment Element the customer (`customerSessionClientSecret`). */
  enabled: boolean;
  /** What it shows: saved cards, Remove, the save checkbox. Without it, it only knows the customer. */
  features?: PaymentElementFeaturesParams;
}

/**
 * Stripe's `components` param: the components a session enables, each with `enabled` and, for the
 * payment elements, `features`. At least one must be enabled. As a server policy, the components a
 * request may ask for.
 */
export interface CustomerSessionComponentsParams {
  /** The customer's active entitlements (no element here: `useComponentSecret('active_entitlements')`). */
  active_entitlements?: ActiveEntitlementsParams;
  /** The buy button (`BuyButton`). */
  buy_button?: BuyButtonParams;
  /** The customer portal (no element here: `useComponentSecret('customer_portal')`). */
  customer_portal?: CustomerPortalParams;
  /** The Customer Sheet of Stripe's mobile SDKs. */
  customer_sheet?: CustomerSheetParams;
  /** The Payment Element of Stripe's mobile SDKs. */
  mobile_payment_element?: MobilePaymentElementParams;
  /** The Payment Element (`CustomerSessionElements`), with the features it shows. */
  payment_element?: PaymentElementParams;
  /** The pricing table (`PricingTable`). */
  pricing_table?: PricingTableParams;
}

/** The params of `POST /v1/customer_sessions` (`stripe.customerSessions.create`). */
export interface CustomerSessionCreateParams {
  /** The components the session enables. */
  components: CustomerSessionComponentsParams;
  /** ID of an existing Customer (`cus_…`). This package's server always sends it or `customer_account`. */
  customer?: string;
  /** ID of an existing Account (`acct_…`). */
  customer_account?: string;
  /** Fields of the response to expand: `customer` (the Customer object) or `components`. */
  expand?: string[];
}

/** The server's policy: which components a session may enable, with their features. */
export type CustomerSessionComponentsPolicy = CustomerSessionComponentsParams;

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
