'use client';
import { useMemo, useState, type ReactNode } from 'react';
import { Elements } from '@stripe/react-stripe-js';
import { hashKey } from '@tanstack/react-query';
import type { Stripe, StripeElementsOptions } from '@stripe/stripe-js';
import { CustomerSessionError } from '../core/errors';
import { componentSecret, settledSecret, useReportError, useWarnIfDisabled } from './componentSecret';
import { useElementSecret } from './elementSecret';
import type { CustomerSessionElementsProps, StripeProp } from './types';

/**
 * The previous value while `value` serializes the same (TanStack's `hashKey`: plain data, keys in
 * any order), so inline option objects don't churn. Unlike a `===` walk, `NaN` (an amount still
 * loading) equals itself, so it cannot loop.
 */
function useDeepStable<T>(value: T): T {
  const [stable, setStable] = useState(value);
  if (hashKey([value]) === hashKey([stable])) return stable;
  setStable(value);
  return value;
}

function guardStripe(stripe: StripeProp | undefined, fail: (error: CustomerSessionError) => void): StripeProp {
  if (stripe === undefined) throw new Error(process.env.NODE_ENV !== 'production' ? '<CustomerSessionElements> needs publishableKey or stripe on <CustomerSessionProvider>.' : '<CustomerSessionElements>: no stripe');
  if (stripe === null || typeof (stripe as Partial<PromiseLike<unknown>>).then !== 'function') return stripe;
  // A failed or empty load must reach onError, never an unhandled rejection inside <Elements>.
  return Promise.resolve(stripe).then(
    (value: Stripe | null) => {
      if (value === null) fail(new CustomerSessionError('network', process.env.NODE_ENV !== 'production' ? 'Stripe.js is unavailable.' : 'Stripe.js'));
      return value;
    },
    (cause: unknown) => {
      fail(new CustomerSessionError('network', process.env.NODE_ENV !== 'production' ? 'Stripe.js failed to load.' : 'Stripe.js', { cause }));
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
  const { secret: secretState, value, store, own } = useElementSecret('<CustomerSessionElements>', 'payment_element');
  const { status, error } = secretState;
  // While hydrating, `own` is the server's; Elements renders no markup of its own, so it can take
  // the browser's own secret at once: a server-rendered one found stale never reaches Stripe.
  // eslint-disable-next-line react-hooks/purity
  const live = typeof window === 'undefined' || store === null || status !== 'ready' ? own : store.getState();
  const { clientSecret } = live === own ? secretState : componentSecret(live, 'payment_element');
  useWarnIfDisabled('payment_element', status);
  const [stripeError, setStripeError] = useState<CustomerSessionError | null>(null);
  const [stripe] = useState(() => (typeof window === 'undefined' ? null : guardStripe(value.getStripe(), setStripeError)));
  useReportError(error, onError);
  useReportError(stripeError, onError);

  // The secret Elements holds, and a key for <Elements>: Elements cannot unset a secret, so one the
  // provider dropped (sign-out, a newer dropGeneration) costs one remount without it.
  const { dropGeneration } = value;
  const [held, setHeld] = useState<{ secret: string | null; key: number; drops: number }>({ secret: null, key: 0, drops: dropGeneration });
  let next = held;
  const dropped = status === 'off' || held.drops !== dropGeneration;
  if (dropped && held.secret !== null) next = { secret: clientSecret, key: held.key + 1, drops: dropGeneration };
  else if (clientSecret !== null && clientSecret !== held.secret) next = { secret: clientSecret, key: held.key, drops: dropGeneration };
  else if (held.drops !== dropGeneration) next = { ...held, drops: dropGeneration };
  if (next !== held) setHeld(next);
  const secret = clientSecret ?? next.secret;
  // Once shown, <Elements> stays mounted whatever the session does next.
  const settled = settledSecret(secretState) !== undefined;
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
    <Elements key={next.key} stripe={stripe} options={elementsOptions}>
      {children}
    </Elements>
  );
}
