'use client';
import { forwardRef } from 'react';
import type { PricingTableProps } from './componentTypes';
import { StripeWebComponent } from './StripeWebComponent';

/**
 * Stripe's `<stripe-pricing-table>`, with the customer's session secret when the session enables
 * `pricing_table`. Loads `https://js.stripe.com/v3/pricing-table.js` once per page, on the client only
 * (skipped when the element is already defined, e.g. by `defineStripeWebComponentStandIns()`).
 * Renders `fallback` while the session is pending and nothing on the server; `errorFallback` when the
 * script fails. The rendered secret is kept until its 30-minute window is about to close, then the
 * element is re-created with the freshest one; a secret the provider drops (sign-out) goes at once. `ref`, `id`, `className`, `style` and `data-*`
 * reach the custom element.
 */
export const PricingTable = /* @__PURE__ */ forwardRef<HTMLElement, PricingTableProps>(function PricingTable(
  { pricingTableId, ...props },
  ref,
) {
  return (
    <StripeWebComponent
      {...props}
      tag="stripe-pricing-table"
      component="pricing_table"
      idAttribute={['pricing-table-id', pricingTableId]}
      forwardedRef={ref}
    />
  );
});
