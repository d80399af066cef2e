'use client';
import type { ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { Stripe } from '@stripe/stripe-js';
import type { ComponentName } from '../core/componentNames';
import type { CustomerSession } from '../core/types';
import type { CustomerSessionError } from '../core/CustomerSessionError';

/** Where sessions come from: a URL of the app's own (POST JSON `{ components }`) or a function. */
export type CustomerSessionEndpoint =
  | string
  | ((ctx: { components: ComponentName[]; signal: AbortSignal }) => Promise<CustomerSession>);

export interface UseCustomerSessionOptions {
  /** The app's endpoint. Changing it starts a new session. */
  endpoint: CustomerSessionEndpoint;
  /** Components this page wants; sent to the endpoint. Changing it starts a new session. */
  components?: ComponentName[];
  /** Refresh this long before `expires_at`. May change. */
  refreshMarginMs?: number;
  /**
   * `false` fetches nothing and gives this hook the empty state (`pending`, no session; its `refresh()`
   * does nothing) whatever other hooks share. A `refresh()` kept from while it was enabled still
   * refreshes the shared session if another hook is enabled, and does nothing otherwise. When no
   * enabled user is left, the cached session is dropped, so enabling again fetches a new one. May change.
   */
  enabled?: boolean;
  /** Headers / credentials for the URL form. Read at request time; does not key the session. */
  requestInit?: RequestInit;
}

export type CustomerSessionStatus = 'pending' | 'ready' | 'refreshing' | 'expired' | 'error';

export interface CustomerSessionState {
  status: CustomerSessionStatus;
  session: CustomerSession | null;
  /** `null` whenever the session is missing or expired. */
  clientSecret: string | null;
  /** Expiry on the local clock, corrected for clock skew. */
  expiresAt: Date | null;
  error: CustomerSessionError | null;
  /** Whether the current session enables `component`; `false` while there is none. */
  isEnabled(component: ComponentName): boolean;
  /**
   * Fetch a new session now (joining a request in flight); does nothing while no hook on the session
   * is enabled. Resolves when it has landed or failed (never rejects).
   */
  refresh(): Promise<void>;
}

export type StripeProp = Promise<Stripe | null> | Stripe | null;

export interface CustomerSessionProviderProps extends UseCustomerSessionOptions {
  children: ReactNode;
  /** A QueryClient to use; otherwise the surrounding QueryClientProvider's, otherwise a private one. */
  queryClient?: QueryClient;
  /** Loads Stripe.js lazily on the client with `loadStripe(publishableKey)`. Read once. */
  publishableKey?: string;
  /** A Stripe instance or promise, e.g. `loadStripe(...)`. Takes precedence over `publishableKey`. Read once. */
  stripe?: StripeProp;
}
