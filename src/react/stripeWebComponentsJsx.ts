'use client';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type SecretOrEmailAttributes =
  | { 'customer-session-client-secret': string; 'customer-email'?: undefined }
  | { 'customer-session-client-secret'?: undefined; 'customer-email'?: string };

type StripeWebComponentAttributes = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> &
  SecretOrEmailAttributes & {
    'publishable-key': string;
    'client-reference-id'?: string;
  };

/** Attributes of Stripe's `<stripe-pricing-table>` web component. */
export type StripePricingTableAttributes = StripeWebComponentAttributes & { 'pricing-table-id': string };

/** Attributes of Stripe's `<stripe-buy-button>` web component. */
export type StripeBuyButtonAttributes = StripeWebComponentAttributes & { 'buy-button-id': string };

// React 19 has no global JSX namespace; React 18's global one extends `React.JSX`, so augmenting
// `react`'s namespace types the tags under both.
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'stripe-pricing-table': StripePricingTableAttributes;
      'stripe-buy-button': StripeBuyButtonAttributes;
    }
  }
}
