'use client';
/** Stripe's scripts that define its web components, by tag name. Loaded only from js.stripe.com. */
export const stripeScriptUrls = {
  'stripe-pricing-table': 'https://js.stripe.com/v3/pricing-table.js',
  'stripe-buy-button': 'https://js.stripe.com/v3/buy-button.js',
} as const;

export type StripeWebComponentTag = keyof typeof stripeScriptUrls;
