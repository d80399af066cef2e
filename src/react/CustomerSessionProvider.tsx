'use client';
import { useContext, useEffect, useMemo, useState, type JSX } from 'react';
import { QueryClient, QueryClientContext, hashKey } from '@tanstack/react-query';
import { createStripeGetter } from './createStripeGetter';
import { CustomerSessionContext, type CustomerSessionContextValue } from './CustomerSessionContext';
import { CustomerSessionQueryClientContext } from './CustomerSessionQueryClientContext';
import { customerSessionQueryKey } from './customerSessionQueryKey';
import { fallbackQueryClient } from './fallbackQueryClient';
import type { CustomerSessionProviderProps } from './types';
import { useCustomerSessionWithClient } from './useCustomerSessionWithClient';

/**
 * Fetches one Customer Session for everything inside it and keeps it fresh; read it with
 * `useCustomerSessionContext()`. Uses the `queryClient` prop, else the surrounding
 * `QueryClientProvider`'s client, else a private one created once for this provider.
 */
export function CustomerSessionProvider(props: CustomerSessionProviderProps): JSX.Element {
  const { children, queryClient, publishableKey, stripe, ...options } = props;
  const fromApp = useContext(QueryClientContext);
  const fromOuter = useContext(CustomerSessionQueryClientContext);
  const given = queryClient ?? fromOuter ?? fromApp;
  const [privateClient] = useState(() => (given ? undefined : new QueryClient()));
  const client = given ?? privateClient ?? fallbackQueryClient();

  useEffect(() => {
    if (privateClient === undefined || client !== privateClient) return;
    privateClient.mount();
    return () => privateClient.unmount();
  }, [client, privateClient]);

  const state = useCustomerSessionWithClient(options, client);
  const [stripeSetup] = useState(() => ({ getStripe: createStripeGetter(stripe, publishableKey), publishableKey }));
  const enabled = options.enabled ?? true;
  // Not the QueryClient: a new client under the same key loses the session, which reads as a sign-out.
  const sessionKey = hashKey(customerSessionQueryKey(options.endpoint, options.components ?? []));
  const value = useMemo<CustomerSessionContextValue>(
    () => ({ state, ...stripeSetup, enabled, sessionKey }),
    [state, stripeSetup, enabled, sessionKey],
  );

  return (
    <CustomerSessionQueryClientContext.Provider value={client}>
      <CustomerSessionContext.Provider value={value}>{children}</CustomerSessionContext.Provider>
    </CustomerSessionQueryClientContext.Provider>
  );
}
