'use client';
import { useEffect, useState } from 'react';
import { CustomerSessionError } from '../core/errors';

/** Stripe's scripts that define its web components, by tag name. Loaded only from js.stripe.com. */
export const stripeScriptUrls = {
  'stripe-pricing-table': 'https://js.stripe.com/v3/pricing-table.js',
  'stripe-buy-button': 'https://js.stripe.com/v3/buy-button.js',
} as const;

export type StripeWebComponentTag = keyof typeof stripeScriptUrls;

/** One load per script URL per page, shared by every instance. */
const loads = new Map<string, Promise<void>>();

/** Forgets every script load (tests; the tags already on the page stay). */
export function resetStripeScripts(): void {
  loads.clear();
}

/** Marks every script we watched with how it ended, so a later call knows without events. */
const MARK = 'customerSessionLoad';

/**
 * Loads the script that defines `tag` once per page, however many callers. Browser only.
 * Resolves when the element is defined or the script loads (at once when already defined, or a
 * watched script already loaded); reuses a `<script src>` already on the page unless it is known to
 * have failed; rejects with a `network` error when the script fails, and the next call tries again.
 * A script that neither loads nor fails (a slow network, or a site tag that failed before anyone
 * listened: the browser cannot tell them apart) keeps the promise pending, and no second copy is
 * added meanwhile: Stripe's script would throw defining its element twice. Callers decide how long to
 * wait before telling the user (`useStripeScript`: 30 s, then keeps waiting).
 */
export function loadStripeScript(tag: StripeWebComponentTag, nonce?: string): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  const src = stripeScriptUrls[tag];
  let promise = loads.get(src);
  if (!promise) {
    promise = new Promise<void>((resolve, reject) => {
      const onPage = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].filter((s) => s.src === src);
      const existing = onPage.find((s) => s.dataset[MARK] !== 'failed');
      if (existing?.dataset[MARK] === 'loaded') return resolve();
      const script = existing ?? document.createElement('script');
      const ours = !existing;
      const settle = (error: CustomerSessionError | null) => {
        script.removeEventListener('load', onLoad);
        script.removeEventListener('error', onError);
        if (!error) return resolve();
        loads.delete(src);
        script.dataset[MARK] = 'failed';
        if (ours) script.remove();
        reject(error);
      };
      const onLoad = () => {
        script.dataset[MARK] = 'loaded';
        settle(null);
      };
      const onError = () => settle(new CustomerSessionError('network', process.env.NODE_ENV !== 'production' ? `Could not load ${src} (network, or script-src in your Content-Security-Policy).` : src));
      void customElements.whenDefined(tag).then(() => settle(null));
      script.addEventListener('load', onLoad);
      script.addEventListener('error', onError);
      if (ours) {
        script.src = src;
        script.async = true;
        if (nonce) script.nonce = nonce;
        document.head.appendChild(script);
      }
    });
    loads.set(src, promise);
  }
  return promise;
}

/** After this long without a load, report an error (and keep waiting). */
const LOAD_TIMEOUT_MS = 30_000;

/**
 * Loads Stripe's script for `tag` after mount (never during server rendering), once per page.
 * Returns the load error, if any: the script failed, or has not loaded after 30 s. A slow script is
 * still waited on, and the error clears when it loads. A failure never becomes an uncaught error.
 */
export function useStripeScript(tag: StripeWebComponentTag, nonce: string | undefined): CustomerSessionError | null {
  const [error, setError] = useState<CustomerSessionError | null>(null);
  useEffect(() => {
    if (customElements.get(tag)) return;
    let active = true;
    const slow = setTimeout(() => {
      const message = process.env.NODE_ENV !== 'production' ? `${stripeScriptUrls[tag]} has not loaded within ${LOAD_TIMEOUT_MS / 1000} s (still waiting).` : tag;
      if (active) setError(new CustomerSessionError('network', message));
    }, LOAD_TIMEOUT_MS);
    void loadStripeScript(tag, nonce)
      .then(
        () => active && setError(null),
        (cause: CustomerSessionError) => active && setError(cause),
      )
      .finally(() => clearTimeout(slow));
    return () => {
      active = false;
      clearTimeout(slow);
    };
  }, [tag, nonce]);
  return error;
}
