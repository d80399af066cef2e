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
import { useSessionDropped } from './useSessionDropped';
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
 * - Expired or failed refresh after a secret was set, or a new session (the provider's `components`
 *   or `endpoint` changed): the last secret stays (Elements cannot unset it) until a fresh one arrives.
 * - Dropped (sign-out: the provider turns `enabled` off or its session is removed): `<Elements>` is
 *   remounted once without the secret, the only remount, since the next visitor is someone else.
 * - Session error: renders anonymously (guest checkout) and calls `onError`.
 * - Stripe.js fails to load: `errorFallback` and `onError`.
 */
export function CustomerSessionElements({ options, fallback = null, errorFallback = null, onError, children }: CustomerSessionElementsProps): ReactNode {
  const context = useCustomerSessionContextValue('<CustomerSessionElements>');
  const { state, getStripe, enabled } = context;
  const { clientSecret, status, error } = componentSecretFromState(state, 'payment_element', enabled);
  const dropped = useSessionDropped(context);
  useWarnIfDisabled('payment_element', status);
  const [stripeError, setStripeError] = useState<CustomerSessionError | null>(null);
  const [stripe] = useState(() => (typeof window === 'undefined' ? null : guardStripe(getStripe(), setStripeError)));
  useReportError(error, onError);
  useReportError(stripeError, onError);

  // The secret Elements holds, and a generation that keys <Elements>: Elements cannot unset a secret,
  // so a dropped one (sign-out) costs one remount without it. A new session key keeps the held one.
  const [held, setHeld] = useState<{ secret: string | null; generation: number }>({ secret: null, generation: 0 });
  let next = held;
  if (clientSecret !== null && clientSecret !== held.secret) next = { secret: clientSecret, generation: held.generation };
  else if (clientSecret === null && held.secret !== null && dropped) next = { secret: null, generation: held.generation + 1 };
  if (next !== held) setHeld(next);
  const secret = clientSecret ?? next.secret;
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
    <Elements key={next.generation} stripe={stripe} options={elementsOptions}>
      {children}
    </Elements>
  );
}
