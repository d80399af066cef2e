'use client';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type SecretOrEmailAttributes =
  | {
      /** A Customer Session's single-use secret: the element shows the customer signed in. Never with `customer-email`. */
      'customer-session-client-secret': string;
      'customer-email'?: undefined;
    }
  | {
      'customer-session-client-secret'?: undefined;
      /** Prefills the email at checkout, for a visitor without a Customer Session. */
      'customer-email'?: string;
    };

type StripeWebComponentAttributes = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> &
  SecretOrEmailAttributes & {
    /** Your publishable key (`pk_…`). */
    'publishable-key': string;
    /** Your id for the customer, copied to the Checkout Session. */
    'client-reference-id'?: string;
  };

/** Attributes of Stripe's `<stripe-pricing-table>` web component. */
export type StripePricingTableAttributes = StripeWebComponentAttributes & {
  /** The pricing table's id from the Dashboard (`prctbl_…`). */
  'pricing-table-id': string;
};

/** Attributes of Stripe's `<stripe-buy-button>` web component. */
export type StripeBuyButtonAttributes = StripeWebComponentAttributes & {
  /** The buy button's id from the Dashboard (`buy_btn_…`). */
  'buy-button-id': string;
};

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
