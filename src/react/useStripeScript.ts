'use client';
import { useEffect, useState } from 'react';
import type { CustomerSessionError } from '../core/CustomerSessionError';
import { loadStripeScript } from './loadStripeScript';
import type { StripeWebComponentTag } from './stripeScriptUrls';

/**
 * Loads Stripe's script for `tag` after mount (never during server rendering), once per page.
 * Returns the load error, if any; a failure never becomes an uncaught error.
 */
export function useStripeScript(tag: StripeWebComponentTag, nonce: string | undefined): CustomerSessionError | null {
  const [error, setError] = useState<CustomerSessionError | null>(null);
  useEffect(() => {
    let active = true;
    loadStripeScript(tag, nonce).catch((cause: CustomerSessionError) => active && setError(cause));
    return () => {
      active = false;
    };
  }, [tag, nonce]);
  return error;
}
