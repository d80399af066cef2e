'use client';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ComponentName } from '../core/componentNames';
import type { CustomerSessionError } from '../core/errors';
import { warnOnce } from '../core/warnings';
import { subscribeNothing } from './store';
import type { ComponentSecret, ComponentSecretStatus, CustomerSessionState } from './types';

/** Pure: what one component may use of the session. The one status vocabulary of every component. */
export function componentSecret(state: CustomerSessionState, component: ComponentName, sessionEnabled = true): ComponentSecret {
  const { session, clientSecret, error } = state;
  if (!sessionEnabled) return { clientSecret: null, status: 'off', error: null };
  if (session !== null && !state.isEnabled(component)) return { clientSecret: null, status: 'disabled', error };
  if (session !== null && clientSecret !== null) return { clientSecret, status: 'ready', error };
  // Failed, or refused and waiting out a long Retry-After: a busy shop still sells, to a guest.
  if (state.status === 'error' || (session === null && error !== null)) return { clientSecret: null, status: 'error', error };
  return { clientSecret: null, status: session === null && state.status === 'pending' ? 'pending' : 'expired', error };
}

/**
 * The one "settled" rule: what a component should render with, or `undefined` to keep waiting
 * (pending, or an expired secret whose fresh one is on its way). `null` renders without the customer.
 */
export function settledSecret({ status, clientSecret }: ComponentSecret): string | null | undefined {
  if (status === 'ready') return clientSecret;
  return status === 'pending' || status === 'expired' ? undefined : null;
}

/** Calls `onError` once for each new error object. */
export function useReportError(error: CustomerSessionError | null, onError: ((error: CustomerSessionError) => void) | undefined): void {
  const latest = useRef(onError);
  useEffect(() => {
    latest.current = onError;
  });
  useEffect(() => {
    if (error) latest.current?.(error);
  }, [error]);
}

/** In development, warns once per component when the session does not enable it; in production, nothing (not even an effect). */
export const useWarnIfDisabled: (component: ComponentName, status: ComponentSecretStatus) => void =
  process.env.NODE_ENV === 'production'
    ? () => {}
    : function useWarnIfDisabled(component, status) {
        useEffect(() => {
          if (status === 'disabled') {
            warnOnce(
              component,
              `The Customer Session does not enable ${component}, so it renders without the customer. Enable components[${component}][enabled] on your server and list '${component}' in the provider's components.`,
            );
          }
        }, [component, status]);
      };

/** `false` on the server and during hydration, `true` after: client-only output never reaches server HTML. */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}
