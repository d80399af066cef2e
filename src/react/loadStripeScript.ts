'use client';
import { CustomerSessionError } from '../core/CustomerSessionError';
import { stripeScriptCache } from './stripeScriptCache';
import { stripeScriptUrls, type StripeWebComponentTag } from './stripeScriptUrls';

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
  let promise = stripeScriptCache.get(src);
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
        stripeScriptCache.delete(src);
        script.dataset[MARK] = 'failed';
        if (ours) script.remove();
        reject(error);
      };
      const onLoad = () => {
        script.dataset[MARK] = 'loaded';
        settle(null);
      };
      const onError = () => settle(new CustomerSessionError('network', `Could not load ${src} (network, or script-src in your Content-Security-Policy).`));
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
    stripeScriptCache.set(src, promise);
  }
  return promise;
}
