'use client';
import { useEffect, useState } from 'react';
import { CustomerSessionError } from '../core/errors';

/** The Stripe web components this package renders. */
export type StripeWebComponentTag = 'stripe-pricing-table' | 'stripe-buy-button';

/** The script that defines `tag`, always from js.stripe.com: `stripe-pricing-table` → `…/v3/pricing-table.js`. */
export const stripeScriptUrl = (tag: StripeWebComponentTag): string => `https://js.stripe.com/v3/${tag.slice(7)}.js`;

/** One load per tag per page, shared by every instance. */
let loads: { [tag in StripeWebComponentTag]?: Promise<void> } = {};

/** Forgets every script load (tests; the tags already on the page stay). */
export function resetStripeScripts(): void {
  loads = {};
}

/**
 * Loads the script that defines `tag` once per page, however many callers. Browser only.
 * Resolves at once when the element is already defined (the script ran, or stand-ins), else when
 * the script loads. Reuses a `<script src>` already on the page. When the script fails it rejects
 * with a `network` error and removes the failed tag (the site's too), so the next call adds a fresh one.
 * A script that neither loads nor fails (a slow network, or a site tag that failed before anyone
 * listened: the browser cannot tell them apart) keeps the promise pending, and no second copy is
 * added meanwhile: Stripe's script would throw defining its element twice. Callers decide how long to
 * wait before telling the user (`useStripeScript`: 30 s, then keeps waiting).
 */
export function loadStripeScript(tag: StripeWebComponentTag, nonce?: string): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  return (loads[tag] ??= new Promise((resolve, reject) => {
    const src = stripeScriptUrl(tag);
    let script = [...document.scripts].find((s) => s.src === src);
    if (!script) {
      script = document.createElement('script');
      script.src = src;
      script.async = true;
      if (nonce) script.nonce = nonce;
      document.head.append(script);
    }
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => {
      delete loads[tag];
      script.remove();
      reject(new CustomerSessionError('network', process.env.NODE_ENV !== 'production' ? `Could not load ${src} (network, or script-src in your Content-Security-Policy).` : src));
    });
  }));
}

/**
 * Loads Stripe's script for `tag` after mount (never during server rendering), once per page.
 * Returns the load error, if any: the script failed, or has not loaded after 30 s. A slow script is
 * still waited on, and the error clears when it loads. A failure never becomes an uncaught error.
 */
export function useStripeScript(tag: StripeWebComponentTag, nonce: string | undefined): CustomerSessionError | null {
  const [error, setError] = useState<CustomerSessionError | null>(null);
  useEffect(() => {
    const slow = setTimeout(
      () => setError(new CustomerSessionError('network', process.env.NODE_ENV !== 'production' ? `${stripeScriptUrl(tag)} has not loaded within 30 s (still waiting).` : tag)),
      // After this long without a load, report an error (and keep waiting).
      30_000,
    );
    const settle = (cause: CustomerSessionError | null) => {
      clearTimeout(slow);
      // After unmount, a no-op.
      setError(cause);
    };
    loadStripeScript(tag, nonce).then(() => settle(null), settle);
    return () => clearTimeout(slow);
  }, [tag, nonce]);
  return error;
}
