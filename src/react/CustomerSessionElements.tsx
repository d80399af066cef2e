'use client';
import { useMemo, useState, type ReactNode } from 'react';
import { Elements } from '@stripe/react-stripe-js';
import { hashKey } from '@tanstack/react-query';
import type { Stripe, StripeElementsOptions } from '@stripe/stripe-js';
import { CustomerSessionError } from '../core/errors';
import { componentSecret, settledSecret, useReportError, useShownSecret } from './componentSecret';
import { useElementSecret } from './elementSecret';
import type { CustomerSessionElementsProps, StripeProp } from './types';

function guardStripe(stripe: StripeProp | undefined, fail: (error: CustomerSessionError) => void): StripeProp {
  if (stripe === undefined) throw new Error(process.env.NODE_ENV !== 'production' ? '<CustomerSessionElements> needs publishableKey or stripe on <CustomerSessionProvider>.' : '<CustomerSessionElements>: no stripe');
  if (typeof (stripe as Partial<PromiseLike<unknown>> | null)?.then !== 'function') return stripe;
  // A failed or empty load must reach onError, never an unhandled rejection inside <Elements>.
  const failed = (cause?: unknown): null => {
    fail(new CustomerSessionError('network', process.env.NODE_ENV !== 'production' ? `Stripe.js ${cause ? 'failed to load' : 'is unavailable'}.` : 'Stripe.js', { cause }));
    return null;
  };
  return (stripe as Promise<Stripe | null>).then((value) => value ?? failed(), failed);
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
export function CustomerSessionElements({ options, fallback, errorFallback, onError, children }: CustomerSessionElementsProps): ReactNode {
  const { secret: secretState, value, store } = useElementSecret('<CustomerSessionElements>', 'payment_element');
  const { status, error } = secretState;
  const [stripeError, setStripeError] = useState<CustomerSessionError | null>(null);
  const [stripe] = useState(() => (typeof window === 'undefined' ? null : guardStripe(value.getStripe(), setStripeError)));
  useReportError(error, onError);
  useReportError(stripeError, onError);

  // While hydrating, the secret is the server's; Elements renders no markup of its own, so it can
  // take the browser's own secret at once: a server-rendered one found stale never reaches Stripe.
  const wanted = store && status === 'ready' ? componentSecret(store.getState(), 'payment_element').clientSecret : settledSecret(secretState);
  // The secret Elements holds (`undefined`: not settled yet), and a key for <Elements>: Elements
  // cannot unset a secret, so it is kept unless the provider is `off` or dropped it (sign-out), which
  // costs one remount without it. Once shown, <Elements> stays mounted whatever the session does next.
  const [secret, key] = useShownSecret(wanted, value.dropGeneration, status !== 'off');

  // `options` by content (TanStack's `hashKey`: plain data, keys in any order), so inline option
  // objects don't churn. Unlike a `===` walk, `NaN` (an amount still loading) equals itself, so it
  // cannot loop.
  const optionsHash = hashKey([options]);
  const elementsOptions = useMemo(() => {
    const { customerSessionClientSecret: _ignored, ...rest } = (options ?? {}) as StripeElementsOptions;
    return (secret ? { ...rest, customerSessionClientSecret: secret } : options && rest) as StripeElementsOptions | undefined;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [optionsHash, secret]);

  if (stripeError) return errorFallback;
  if (secret === undefined) return fallback;
  return (
    <Elements key={key} stripe={stripe} options={elementsOptions}>
      {children}
    </Elements>
  );
}
