/**
 * Wire types for `POST /v1/customer_sessions`, written from stripe 23's types (API 2026-10-28.endive)
 * and Stripe's OpenAPI schemas in shared/reference (API 2026-07-29.dahlia). Create params and the
 * Customer Session object are assignable to the official SDK's `Stripe.CustomerSessionCreateParams`
 * and `Stripe.CustomerSession` (proved in test/core/sdkCompatibility.test-d.ts).
 */
import type { ExpandedCustomer } from './expandedCustomer';

export type { CustomerAddress, ExpandedCustomer } from './expandedCustomer';

export type AllowRedisplay = 'always' | 'limited' | 'unspecified';
export type FeatureToggle = 'disabled' | 'enabled';
export type PaymentMethodSaveUsage = 'off_session' | 'on_session';

// ---------- create params ----------

export interface BuyButtonParams {
  enabled: boolean;
}

/** Active entitlements (stripe 23). No web component or Element here: read its secret with `useComponentSecret`. */
export interface ActiveEntitlementsParams {
  enabled: boolean;
}

/** Customer portal (stripe 23). No web component or Element here: read its secret with `useComponentSecret`. */
export interface CustomerPortalParams {
  enabled: boolean;
}

export interface PricingTableParams {
  enabled: boolean;
}

export interface CustomerSheetFeaturesParams {
  payment_method_allow_redisplay_filters?: AllowRedisplay[];
  payment_method_remove?: FeatureToggle;
}

export interface CustomerSheetParams {
  enabled: boolean;
  features?: CustomerSheetFeaturesParams;
}

export interface MobilePaymentElementFeaturesParams {
  payment_method_allow_redisplay_filters?: AllowRedisplay[];
  payment_method_redisplay?: FeatureToggle;
  payment_method_remove?: FeatureToggle;
  payment_method_save?: FeatureToggle;
  payment_method_save_allow_redisplay_override?: AllowRedisplay;
}

export interface MobilePaymentElementParams {
  enabled: boolean;
  features?: MobilePaymentElementFeaturesParams;
}

export interface PaymentElementFeaturesParams {
  payment_method_allow_redisplay_filters?: AllowRedisplay[];
  payment_method_redisplay?: FeatureToggle;
  /** Integer, at most 10; defaults to 3. */
  payment_method_redisplay_limit?: number;
  payment_method_remove?: FeatureToggle;
  payment_method_save?: FeatureToggle;
  /** Required when `payment_method_save` is `enabled`. */
  payment_method_save_usage?: PaymentMethodSaveUsage;
}

export interface PaymentElementParams {
  enabled: boolean;
  features?: PaymentElementFeaturesParams;
}

export interface CustomerSessionComponentsParams {
  active_entitlements?: ActiveEntitlementsParams;
  buy_button?: BuyButtonParams;
  customer_portal?: CustomerPortalParams;
  customer_sheet?: CustomerSheetParams;
  mobile_payment_element?: MobilePaymentElementParams;
  payment_element?: PaymentElementParams;
  pricing_table?: PricingTableParams;
}

export interface CustomerSessionCreateParams {
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

export interface CustomerSheetFeatures {
  payment_method_allow_redisplay_filters: AllowRedisplay[] | null;
  payment_method_remove: FeatureToggle | null;
}

export interface MobilePaymentElementFeatures {
  payment_method_allow_redisplay_filters: AllowRedisplay[] | null;
  payment_method_redisplay: FeatureToggle | null;
  payment_method_remove: FeatureToggle | null;
  payment_method_save: FeatureToggle | null;
  payment_method_save_allow_redisplay_override: AllowRedisplay | null;
}

export interface PaymentElementFeatures {
  payment_method_allow_redisplay_filters: AllowRedisplay[];
  payment_method_redisplay: FeatureToggle;
  payment_method_redisplay_limit: number | null;
  payment_method_remove: FeatureToggle;
  payment_method_save: FeatureToggle;
  payment_method_save_usage: PaymentMethodSaveUsage | null;
}

export interface CustomerSessionComponents {
  active_entitlements: { enabled: boolean };
  buy_button: { enabled: boolean };
  customer_portal: { enabled: boolean };
  customer_sheet: { enabled: boolean; features: CustomerSheetFeatures | null };
  mobile_payment_element: { enabled: boolean; features: MobilePaymentElementFeatures | null };
  payment_element: { enabled: boolean; features: PaymentElementFeatures | null };
  pricing_table: { enabled: boolean };
}

export interface CustomerSession {
  object: 'customer_session';
  /** Single-use secret (`cuss_secret_…`). Never log, persist or put it in a URL. */
  client_secret: string;
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
  customer_account: string | null;
  /** Seconds since the Unix epoch (server clock). */
  expires_at: number;
  livemode: boolean;
}

// ---------- errors on the wire ----------

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
  type: StripeErrorType;
  code?: string;
  param?: string;
  message: string;
  doc_url?: string;
}

export interface StripeErrorBody {
  error: StripeErrorObject;
}

/** One problem found by `validateCustomerSessionParams`. */
export interface ParamIssue {
  /** Stripe's bracketed param path, e.g. `components[payment_element][features][payment_method_redisplay_limit]`. */
  param: string;
  message: string;
  /** Stripe error code: `parameter_unknown`, `parameter_missing` or `parameter_invalid_*`. */
  code: string;
}
