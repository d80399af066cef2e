'use client';
import { CustomerSessionError } from '../core/CustomerSessionError';
import { stripeScriptCache } from './stripeScriptCache';
import { stripeScriptUrls, type StripeWebComponentTag } from './stripeScriptUrls';

/**
 * Loads the script that defines `tag` once per page, however many callers. Browser only.
 * Resolves at once when the element is already defined (a stand-in, or the site's own `<script>`),
 * reuses a `<script src>` already on the page, and rejects with a `network` error when the script
 * fails to load (the next call tries again).
 */
export function loadStripeScript(tag: StripeWebComponentTag, nonce?: string): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  const src = stripeScriptUrls[tag];
  let promise = stripeScriptCache.get(src);
  if (!promise) {
    promise = new Promise<void>((resolve, reject) => {
      let script = document.querySelector<HTMLScriptElement>(`script[src="${src}"]`);
      const ours = !script;
      if (!script) {
        script = document.createElement('script');
        script.src = src;
        script.async = true;
        if (nonce) script.nonce = nonce;
      }
      const failed = script;
      void customElements.whenDefined(tag).then(() => resolve());
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => {
        stripeScriptCache.delete(src);
        if (ours) failed.remove();
        reject(new CustomerSessionError('network', `Could not load ${src} (network, or script-src in your Content-Security-Policy).`));
      });
      if (ours) document.head.appendChild(script);
    });
    stripeScriptCache.set(src, promise);
  }
  return promise;
}
