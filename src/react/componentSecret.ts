'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ComponentName } from '../core/componentNames';
import { isSignedOutError, type CustomerSessionError } from '../core/errors';
import { warnOnce } from '../core/warnings';
import { subscribeNothing } from './store';
import type { ComponentSecret, ComponentSecretStatus, CustomerSessionState } from './types';

/** Pure: what one component may use of the session. The one status vocabulary of every component. */
export function componentSecret(state: CustomerSessionState, component: ComponentName, sessionEnabled = true): ComponentSecret {
  const { session, clientSecret, error } = state;
  let status: ComponentSecretStatus;
  // (A provider that is off publishes the empty state: no session, no error.)
  if (!sessionEnabled) status = 'off';
  // A state holds a session only with its secret.
  else if (session) status = state.isEnabled(component) ? 'ready' : 'disabled';
  // Failed, or refused and waiting out a long Retry-After: a busy shop still sells, to a guest.
  else if (state.status === 'error' || error) status = 'error';
  // With no session and no error a state is `pending` or `expired` (see the store's `deriveState`).
  else status = state.status as 'pending' | 'expired';
  return { clientSecret: status === 'ready' ? clientSecret : null, status, error };
}

/**
 * The one "settled" rule: what a component should render with, or `undefined` to keep waiting
 * (pending, or an expired secret whose fresh one is on its way). `null` renders without the customer.
 */
export function settledSecret({ status, clientSecret }: ComponentSecret): string | null | undefined {
  // Only a ready secret has one.
  return clientSecret ?? (status === 'pending' || status === 'expired' ? undefined : null);
}

/**
 * What a component shows, held across renders: `undefined` until `wanted` (see `settledSecret`)
 * first settles, then the last secret it named (`null`: anonymous); `wanted` `undefined` keeps it.
 * `sticky`: a `null` does not replace a shown secret (Elements cannot unset one). A secret shown
 * before the provider dropped it (sign-out: a newer `dropGeneration`) goes at once, sticky or not.
 * `key` goes up each time a shown secret goes.
 */
export function useShownSecret(wanted: string | null | undefined, drops: number | undefined, sticky = false): [shown: string | null | undefined, key: number] {
  const [held, setHeld] = useState<[shown: string | null | undefined, drops: number | undefined, key: number]>([undefined, drops, 0]);
  let [shown, , key] = held;
  const dropped = held[1] !== drops;
  if (dropped) shown &&= null;
  if (wanted || (wanted === null && !(sticky && shown))) shown = wanted;
  // A drop costs the key even when a fresh secret lands in the same render: the next visitor is someone else.
  if (held[0] && (dropped || !shown)) key++;
  if (shown !== held[0] || dropped) setHeld([shown, drops, key]);
  return [shown, key];
}

/**
 * Calls `onError` once for each new error object. Without one, development warns once per failure (kind
 * and message; never for a 401 or 403, a guest): the component renders for a guest (or its
 * `errorFallback`), which alone would say nothing.
 */
export function useReportError(error: CustomerSessionError | null | undefined, onError: ((error: CustomerSessionError) => void) | undefined): void {
  // The `onError` of the render that brought the error: the latest one then.
  useEffect(() => {
    if (!error) return;
    if (onError) onError(error);
    // (A 401 or 403 is the endpoint's "nobody is signed in": a guest, not a failure.)
    else if (process.env.NODE_ENV !== 'production' && !isSignedOutError(error)) {
      warnOnce(`unhandled ${error.kind} ${error.message}`, `A Customer Session component failed (${error.kind}): ${error.message.replace(/[^.]$/, '$&.')} It renders without the customer (or its errorFallback). Pass onError to report or handle such failures.`);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [error]);
}

/**
 * In development, warns once per component when the session does not enable it. Call it behind
 * `process.env.NODE_ENV !== 'production'`, so production builds keep neither the call nor an effect.
 */
export function useWarnIfDisabled(component: ComponentName, status: ComponentSecretStatus): void {
  useEffect(() => {
    if (status === 'disabled') {
      warnOnce(
        component,
        `The Customer Session does not enable ${component}, so it renders without the customer. Enable components[${component}][enabled] on your server and list '${component}' in the provider's components.`,
      );
    }
  }, [component, status]);
}

/** `false` on the server and during hydration, `true` after: client-only output never reaches server HTML. */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}
