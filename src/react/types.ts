'use client';
import type { CSSProperties, ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { Stripe, StripeElementsOptions } from '@stripe/stripe-js';
import type { ComponentName } from '../core/componentNames';
import type { CustomerSession } from '../core/types';
import type { CustomerSessionError } from '../core/errors';
import type { CustomerSessionEndpoint } from '../core/fetch';

export type { CustomerSessionEndpoint };

/** The options of `useCustomerSession`, and the session props of `CustomerSessionProvider`. */
export interface UseCustomerSessionOptions {
  /**
   * The app's endpoint: a URL (POST JSON) or an async function. Changing it starts a new session. A
   * function is keyed by identity: define it outside the component (or `useCallback`), not inline.
   */
  endpoint: CustomerSessionEndpoint;
  /** Components this page wants; sent to the endpoint. Changing it starts a new session. */
  components?: ComponentName[];
  /** Refresh this long before `expires_at`. May change. */
  refreshMarginMs?: number;
  /**
   * `false` fetches nothing and gives this hook the empty state (`pending`, no session; its `refresh()`
   * does nothing) whatever other hooks share. A `refresh()` kept from while it was enabled still
   * refreshes the shared session if another hook is enabled, and does nothing otherwise. When no
   * enabled user is left, the cached session is dropped, so enabling again fetches a new one. May change.
   */
  enabled?: boolean;
  /** Headers / credentials for the URL form. Read at request time; does not key the session. */
  requestInit?: RequestInit;
  /**
   * A session created while the server rendered the page (`createCustomerSession` from
   * `react-stripe-customer-session/server`, passed down as a prop). It seeds the shared session, so
   * the first render, on the server and in the browser, is already `ready` with its secret, and no
   * request is made while it is valid; the refresh before expiry goes through `endpoint`. Its expiry
   * is measured from the navigation start (it was created before the page arrived), so it errs early:
   * one already expired or due for a refresh by then is never shown in the browser (the endpoint is
   * asked at once). Read on first render only. Such a page holds the secret in its HTML: serve it
   * with `Cache-Control: private, no-store`, never from a CDN or shared cache.
   */
  initialSession?: CustomerSession;
}

/**
 * Where the session stands:
 * `pending` no session yet (the first request and its retries, or `enabled: false`) ·
 * `ready` a current session and its secret ·
 * `refreshing` a refresh is in flight; the current secret is still valid and still given out ·
 * `expired` the local clock passed the expiry before a new session landed: no secret ·
 * `error` the last request failed after its retries (`error` says why); a previous secret is kept while still valid.
 */
export type CustomerSessionStatus = 'pending' | 'ready' | 'refreshing' | 'expired' | 'error';

/** What `useCustomerSession` and `useCustomerSessionContext` return. */
export interface CustomerSessionState {
  /** Where the session stands: `pending`, `ready`, `refreshing`, `expired` or `error` (see `CustomerSessionStatus`). */
  status: CustomerSessionStatus;
  /** The current session as your endpoint answered it; `null` while there is none or it has expired. */
  session: CustomerSession | null;
  /** `null` whenever the session is missing or expired. */
  clientSecret: string | null;
  /** Expiry on the local clock, corrected for clock skew. */
  expiresAt: Date | null;
  /** Why the last request failed (`kind`, `status`, `stripeError`), also while a first request waits out a long `Retry-After`; else `null`. */
  error: CustomerSessionError | null;
  /** Whether the current session enables `component`; `false` while there is none. */
  isEnabled(component: ComponentName): boolean;
  /**
   * Fetch a new session now (joining a request in flight); does nothing while no hook on the session
   * is enabled. Resolves when it has landed or failed (never rejects).
   */
  refresh(): Promise<void>;
}

/** A Stripe.js instance, or the promise `loadStripe()` returns (what `<Elements stripe>` takes). */
export type StripeProp = Promise<Stripe | null> | Stripe | null;

/** The props of `CustomerSessionProvider`: the session options, then how to reach Stripe.js. */
export interface CustomerSessionProviderProps extends UseCustomerSessionOptions {
  /** The part of the app that shares the session: `CustomerSessionElements`, `PricingTable`, `BuyButton` and the hooks. */
  children: ReactNode;
  /** A QueryClient to use; otherwise the surrounding QueryClientProvider's, otherwise a private one. */
  queryClient?: QueryClient;
  /**
   * Your publishable key (`pk_…`): `CustomerSessionElements` loads Stripe.js with `loadStripe(publishableKey)` on
   * first use, in the browser only, and `PricingTable` / `BuyButton` take it as their `publishable-key`. Read once
   * (a change warns in development).
   */
  publishableKey?: string;
  /** A Stripe instance or promise, e.g. `loadStripe(...)`. Takes precedence over `publishableKey`. Read once (a change warns in development). */
  stripe?: StripeProp;
  /**
   * Sessions created while the server rendered the page, one per customer-aware element it renders
   * (`createCustomerSessions` from `react-stripe-customer-session/server`). Each element rendered
   * takes the first unused one that enables its component, so every secret in the first HTML is
   * distinct and the page asks the endpoint for none of them; elements beyond them (below the fold,
   * mounted later) ask the endpoint. Without it, `initialSession` is the one such session. Read once.
   * A session an element of the page has rendered is never handed out again, even by a provider
   * mounted later with the same sessions (a page entered again from a cached server payload).
   */
  initialSessions?: CustomerSession[];
}

// ---------- components ----------

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
  /** This mount's own single-use secret for the component; `null` unless `status` is `ready`. */
  clientSecret: string | null;
  /** Where the component stands with the session (see `ComponentSecretStatus`). */
  status: ComponentSecretStatus;
  /** Why the session failed when `status` is `error`; otherwise `null`. */
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

/** The props of `CustomerSessionElements`. */
export interface CustomerSessionElementsProps extends CustomerSessionSlots {
  /** Passed to `<Elements>` untouched (`appearance`, `mode`, `amount`, …). Changes reach `elements.update()`. */
  options?: CustomerSessionElementsOptions;
  /** Stripe's elements, e.g. `<PaymentElement />`, and anything that calls `useElements()`. */
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

/** The props `PricingTable` and `BuyButton` share. */
export type StripeWebComponentProps = CustomerSessionSlots &
  CustomerOrEmail & {
    /** Defaults to the provider's `publishableKey`. */
    publishableKey?: string;
    /** `client-reference-id`: your id for the customer, copied to the Checkout Session. */
    clientReferenceId?: string;
    /** CSP nonce for the injected `<script>`. */
    nonce?: string;
    /**
     * When the element's own Customer Session is created: `'lazy'` (default) once the element nears
     * the viewport (`IntersectionObserver`, 200 px ahead), so a grid costs what the customer sees;
     * `'eager'` at mount (or at once, when it turns `'eager'` later). Without `IntersectionObserver`, at mount.
     */
    loading?: 'lazy' | 'eager';
    /** The custom element's `id`. */
    id?: string;
    /** The custom element's `class`. */
    className?: string;
    /** The custom element's inline style. */
    style?: CSSProperties;
    // `data-*` and `aria-*` attributes pass through too (TypeScript accepts hyphenated JSX attributes on any component).
  };

/** The props of `PricingTable`. */
export type PricingTableProps = StripeWebComponentProps & {
  /** The pricing table's id from the Dashboard (`prctbl_…`): its `pricing-table-id`. */
  pricingTableId: string;
};

/** The props of `BuyButton`. */
export type BuyButtonProps = StripeWebComponentProps & {
  /** The buy button's id from the Dashboard (`buy_btn_…`): its `buy-button-id`. */
  buyButtonId: string;
};
