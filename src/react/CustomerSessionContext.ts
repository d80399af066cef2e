'use client';
import { createContext } from 'react';
import type { CustomerSessionState, StripeProp } from './types';

/** What `CustomerSessionProvider` shares. Internal: consumers use the hooks. */
export interface CustomerSessionContextValue {
  state: CustomerSessionState;
  /** Stripe instance for `<Elements>`: the `stripe` prop, or `loadStripe(publishableKey)` started lazily on the client. `undefined` when neither was given. */
  getStripe: () => StripeProp | undefined;
  /** The `publishableKey` prop, for the web components' `publishable-key` attribute. */
  publishableKey: string | undefined;
  /** The provider's `enabled` option (default true). `false`, e.g. for a signed-out visitor, lets components render anonymously at once instead of waiting on a session that will not come. */
  enabled?: boolean;
  /**
   * Which session the provider holds: endpoint identity plus sorted components. A new key (say, a
   * component added) is a new session for the same customer, not a sign-out. `undefined` is one key too.
   */
  sessionKey?: string;
}

export const CustomerSessionContext = createContext<CustomerSessionContextValue | null>(null);
CustomerSessionContext.displayName = 'CustomerSessionContext';
