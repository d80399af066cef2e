'use client';
import { useEffect, useState } from 'react';
import { CustomerSessionError } from '../core/CustomerSessionError';
import { loadStripeScript } from './loadStripeScript';
import { stripeScriptUrls, type StripeWebComponentTag } from './stripeScriptUrls';

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
      const message = `${stripeScriptUrls[tag]} has not loaded within ${LOAD_TIMEOUT_MS / 1000} s (still waiting).`;
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
