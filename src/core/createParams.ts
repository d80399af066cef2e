/**
 * Create params of `POST /v1/customer_sessions` (`stripe.customerSessions.create`), and the value types
 * they share with the Customer Session object (types.ts), written from stripe 23's types (API
 * 2026-10-28.endive) and Stripe's OpenAPI schemas in shared/reference.
 */
/** A saved PaymentMethod's `allow_redisplay`: whether the customer agreed to see it again (`always`), or it was saved for a limited use. */
export type AllowRedisplay = 'always' | 'limited' | 'unspecified';
/** A feature of an element, on or off. */
export type FeatureToggle = 'disabled' | 'enabled';
/** The `setup_future_usage` a PaymentIntent is confirmed with when the customer ticks the save checkbox. */
export type PaymentMethodSaveUsage = 'off_session' | 'on_session';

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
