'use client';
import type { ComponentName } from '../core/componentNames';
import type { CustomerSessionError } from '../core/CustomerSessionError';
import type { CustomerSessionData } from './CustomerSessionData';
import type { CustomerSessionState, CustomerSessionStatus } from './types';

export interface CustomerSessionStateInput {
  data: CustomerSessionData | undefined;
  /** Local expiry of `data` (ms), or undefined without data. */
  expiresAtLocal: number | undefined;
  /** The last fetch failed (after its retries) and no newer one is running. */
  error: CustomerSessionError | null;
  fetching: boolean;
  expired: boolean;
  refresh: () => Promise<void>;
}

const disabledEverywhere = (): boolean => false;

/**
 * The public state for one set of inputs. Past expiry the session and its secret are withheld
 * (`session` and `clientSecret` null), so no consumer can hand an expired secret to Stripe.
 */
export function deriveCustomerSessionState(input: CustomerSessionStateInput): CustomerSessionState {
  const { data, expired, fetching, error } = input;
  const usable = data !== undefined && !expired ? data.session : null;
  let status: CustomerSessionStatus;
  if (error !== null && !fetching) status = 'error';
  else if (data === undefined) status = 'pending';
  else if (expired) status = 'expired';
  else status = fetching ? 'refreshing' : 'ready';
  const components = usable?.components;
  return {
    status,
    session: usable,
    clientSecret: usable?.client_secret ?? null,
    expiresAt: input.expiresAtLocal === undefined ? null : new Date(input.expiresAtLocal),
    error: fetching ? null : error,
    isEnabled: components ? (name: ComponentName) => components[name]?.enabled === true : disabledEverywhere,
    refresh: input.refresh,
  };
}
