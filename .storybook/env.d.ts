/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `pk_test_…`: the stories load real Stripe.js instead of the offline stand-ins. */
  readonly STORYBOOK_STRIPE_PUBLISHABLE_KEY?: string;
  /** With a publishable key: a pricing table and a buy button of that test account. */
  readonly STORYBOOK_STRIPE_PRICING_TABLE_ID?: string;
  readonly STORYBOOK_STRIPE_BUY_BUTTON_ID?: string;
}
