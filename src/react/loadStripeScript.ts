'use client';
import { CustomerSessionError } from '../core/CustomerSessionError';
import { stripeScriptCache } from './stripeScriptCache';
import { stripeScriptUrls, type StripeWebComponentTag } from './stripeScriptUrls';

/** A script that has neither loaded nor failed by then counts as failed. */
const LOAD_TIMEOUT_MS = 30_000;
/** Marks every script we watched with how it ended, so a later call knows without events. */
const MARK = 'customerSessionLoad';

/**
 * Loads the script that defines `tag` once per page, however many callers. Browser only.
 * Resolves at once when the element is already defined (a stand-in, or the site's own `<script>`)
 * or a watched script already loaded; reuses a `<script src>` already on the page unless it is
 * known to have failed; rejects with a `network` error when the script fails or neither loads nor
 * fails within 30 s (e.g. a site script that failed before anyone listened). The next call tries again.
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
        clearTimeout(timer);
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
      const timer = setTimeout(
        () => settle(new CustomerSessionError('network', `${src} neither loaded nor failed within ${LOAD_TIMEOUT_MS / 1000} s.`)),
        LOAD_TIMEOUT_MS,
      );
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
