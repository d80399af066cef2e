'use client';
import { useMemo, useState, type ReactNode } from 'react';
import { Elements } from '@stripe/react-stripe-js';
import type { Stripe, StripeElementsOptions } from '@stripe/stripe-js';
import { CustomerSessionError } from '../core/CustomerSessionError';
import type { CustomerSessionElementsProps } from './componentTypes';
import { componentSecretFromState } from './componentSecretFromState';
import type { StripeProp } from './types';
import { useCustomerSessionContextValue } from './useCustomerSessionContextValue';
import { useDeepStable } from './useDeepStable';
import { useReportError } from './useReportError';
import { useWarnIfDisabled } from './useWarnIfDisabled';

function guardStripe(stripe: StripeProp | undefined, fail: (error: CustomerSessionError) => void): StripeProp {
  if (stripe === undefined) throw new Error('<CustomerSessionElements> needs publishableKey or stripe on <CustomerSessionProvider>.');
  if (stripe === null || typeof (stripe as Partial<PromiseLike<unknown>>).then !== 'function') return stripe;
  // A failed or empty load must reach onError, never an unhandled rejection inside <Elements>.
  return Promise.resolve(stripe).then(
    (value: Stripe | null) => {
      if (value === null) fail(new CustomerSessionError('network', 'Stripe.js is unavailable.'));
      return value;
    },
    (cause: unknown) => {
      fail(new CustomerSessionError('network', 'Stripe.js failed to load.', { cause }));
      return null;
    },
  );
}

/**
 * `@stripe/react-stripe-js`'s `<Elements>` with the session's `customerSessionClientSecret`, set only
 * when the session enables `payment_element`; `options` pass through untouched.
 * - Pending: renders `fallback` (never an anonymous Payment Element that then flips).
 * - Rotation: a refreshed secret reaches the mounted elements through `elements.update()`; nothing
 *   remounts, so a half-typed card and the chosen saved method survive.
 * - Expired or failed refresh after a secret was set: the last secret stays (Elements cannot unset
 *   it) until a fresh one arrives.
 * - Session error: renders anonymously (guest checkout) and calls `onError`.
 * - Stripe.js fails to load: `errorFallback` and `onError`.
 */
export function CustomerSessionElements({ options, fallback = null, errorFallback = null, onError, children }: CustomerSessionElementsProps): ReactNode {
  const { state, getStripe, enabled } = useCustomerSessionContextValue('<CustomerSessionElements>');
  const { clientSecret, status, error } = componentSecretFromState(state, 'payment_element', enabled);
  useWarnIfDisabled('payment_element', status);
  const [stripeError, setStripeError] = useState<CustomerSessionError | null>(null);
  const [stripe] = useState(() => (typeof window === 'undefined' ? null : guardStripe(getStripe(), setStripeError)));
  useReportError(error, onError);
  useReportError(stripeError, onError);

  const [lastSecret, setLastSecret] = useState<string | null>(null);
  if (clientSecret !== null && clientSecret !== lastSecret) setLastSecret(clientSecret);
  const secret = clientSecret ?? lastSecret;
  // Once shown, <Elements> stays mounted whatever the session does next.
  const settled = status === 'ready' || status === 'disabled' || status === 'error' || status === 'off';
  const [shown, setShown] = useState(false);
  if (settled && !shown) setShown(true);

  const stableOptions = useDeepStable(options);
  const elementsOptions = useMemo(() => {
    const { customerSessionClientSecret: _ignored, ...rest } = (stableOptions ?? {}) as StripeElementsOptions;
    return (secret ? { ...rest, customerSessionClientSecret: secret } : stableOptions && rest) as StripeElementsOptions | undefined;
  }, [stableOptions, secret]);

  if (stripeError) return errorFallback;
  if (!settled && !shown) return fallback;
  return (
    <Elements stripe={stripe} options={elementsOptions}>
      {children}
    </Elements>
  );
}
