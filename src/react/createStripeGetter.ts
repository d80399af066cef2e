'use client';
import type { Stripe } from '@stripe/stripe-js';
import type { StripeProp } from './types';

/**
 * `getStripe` for the provider: the given `stripe`, else `loadStripe(publishableKey)` started on
 * first call in the browser (never during SSR) and remembered, else `undefined`. Stripe.js is
 * imported only then, so merely importing this package never injects its script.
 */
export function createStripeGetter(stripe: StripeProp | undefined, publishableKey: string | undefined): () => StripeProp | undefined {
  let loading: Promise<Stripe | null> | undefined;
  return () => {
    if (stripe !== undefined) return stripe;
    if (publishableKey === undefined || typeof window === 'undefined') return undefined;
    loading ??= import('@stripe/stripe-js').then(({ loadStripe }) => loadStripe(publishableKey));
    return loading;
  };
}
