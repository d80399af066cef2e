const key = import.meta.env.STORYBOOK_STRIPE_PUBLISHABLE_KEY;

/**
 * Set `STORYBOOK_STRIPE_PUBLISHABLE_KEY=pk_test_…` to render real Stripe.js and Stripe's web
 * components (network needed). Sessions still come from the emulator, so Stripe rejects their
 * secrets: use it to check the look of the real elements. Without it everything is offline.
 */
export const realStripe = key ? { publishableKey: key } : null;

/** The publishable key the components get: the real one, or a placeholder the stand-ins display. */
export const storyPublishableKey = key ?? 'pk_test_storybook_offline';

export const storyPricingTableId = import.meta.env.STORYBOOK_STRIPE_PRICING_TABLE_ID ?? 'prctbl_storybook_plans';
export const storyBuyButtonId = import.meta.env.STORYBOOK_STRIPE_BUY_BUTTON_ID ?? 'buy_btn_storybook_gift';
