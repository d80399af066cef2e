'use client';
import type { CSSProperties, ReactNode } from 'react';
import type { StripeElementsOptions } from '@stripe/stripe-js';
import type { CustomerSessionError } from '../core/CustomerSessionError';

/**
 * Where a component stands with the session:
 * `pending` no session yet (render a fallback) · `ready` the secret is usable ·
 * `disabled` the session does not enable this component (render anonymously) ·
 * `expired` it is enabled but the secret expired and a fresh one is on its way ·
 * `error` the session failed (render anonymously; `error` says why) ·
 * `off` the provider fetches no session (`enabled: false`, e.g. a signed-out visitor; render anonymously).
 */
export type ComponentSecretStatus = 'pending' | 'ready' | 'disabled' | 'expired' | 'error' | 'off';

/** What `useComponentSecret` returns. `clientSecret` is set only when `status` is `ready`. */
export interface ComponentSecret {
  clientSecret: string | null;
  status: ComponentSecretStatus;
  error: CustomerSessionError | null;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** `<Elements>` options as `@stripe/stripe-js` types them, minus the customer secret this package sets. */
export type CustomerSessionElementsOptions = DistributiveOmit<StripeElementsOptions, 'customerSessionClientSecret'>;

/** Slots shared by every component. */
export interface CustomerSessionSlots {
  /** Shown while the first session is pending, instead of an anonymous component that would then flip. Default nothing. */
  fallback?: ReactNode;
  /** Shown when Stripe's script (Stripe.js, pricing-table.js, buy-button.js) fails to load. Default nothing. */
  errorFallback?: ReactNode;
  /** Called once per failure: a failed session (the component then renders anonymously) or a failed script. */
  onError?: (error: CustomerSessionError) => void;
}

export interface CustomerSessionElementsProps extends CustomerSessionSlots {
  /** Passed to `<Elements>` untouched (`appearance`, `mode`, `amount`, …). Changes reach `elements.update()`. */
  options?: CustomerSessionElementsOptions;
  children?: ReactNode;
}

/** `customer-email` and a customer session exclude each other (Stripe's rule). */
export type CustomerOrEmail =
  | {
      /** Default: the session's secret is injected when the session enables this component. */
      anonymous?: false;
      customerEmail?: never;
    }
  | {
      /** Never inject the customer secret; works outside a provider when `publishableKey` is given. */
      anonymous: true;
      /** Prefills the email at checkout (`customer-email`). */
      customerEmail?: string;
    };

export type StripeWebComponentProps = CustomerSessionSlots &
  CustomerOrEmail & {
    /** Defaults to the provider's `publishableKey`. */
    publishableKey?: string;
    /** `client-reference-id`: your id for the customer, copied to the Checkout Session. */
    clientReferenceId?: string;
    /** CSP nonce for the injected `<script>`. */
    nonce?: string;
    id?: string;
    className?: string;
    style?: CSSProperties;
    // `data-*` attributes pass through too (TypeScript accepts hyphenated JSX attributes on any component).
  };

export type PricingTableProps = StripeWebComponentProps & { pricingTableId: string };

export type BuyButtonProps = StripeWebComponentProps & { buyButtonId: string };
