'use client';
import { forwardRef } from 'react';
import type { BuyButtonProps } from './componentTypes';
import { StripeWebComponent } from './StripeWebComponent';

/**
 * Stripe's `<stripe-buy-button>`, with the customer's session secret when the session enables
 * `buy_button`. Same loading, gating and rotation as `PricingTable`
 * (script `https://js.stripe.com/v3/buy-button.js`).
 */
export const BuyButton = /* @__PURE__ */ forwardRef<HTMLElement, BuyButtonProps>(function BuyButton({ buyButtonId, ...props }, ref) {
  return (
    <StripeWebComponent
      {...props}
      tag="stripe-buy-button"
      component="buy_button"
      idAttribute={['buy-button-id', buyButtonId]}
      forwardedRef={ref}
    />
  );
});
