/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `pk_test_…`: real Stripe.js and Stripe's web components instead of the offline stand-ins. */
  readonly STRIPE_PUBLISHABLE_KEY?: string;
  /** A pricing table of your test account (with a publishable key). */
  readonly STRIPE_PRICING_TABLE_ID?: string;
  /** A buy button of your test account (with a publishable key). */
  readonly STRIPE_BUY_BUTTON_ID?: string;
}
