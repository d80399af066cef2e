'use client';
import { useContext } from 'react';
import { QueryClientContext } from '@tanstack/react-query';
import { CustomerSessionQueryClientContext } from './CustomerSessionQueryClientContext';
import { fallbackQueryClient } from './fallbackQueryClient';
import type { CustomerSessionState, UseCustomerSessionOptions } from './types';
import { useCustomerSessionWithClient } from './useCustomerSessionWithClient';

/**
 * A Customer Session from your endpoint, kept fresh until `expires_at`.
 *
 * Every hook with the same endpoint and components shares one session and one request. Runs on the
 * QueryClient of the nearest `CustomerSessionProvider`, else of the nearest `QueryClientProvider`,
 * else on a page-wide client of its own. The returned object only changes when the state does.
 *
 * @example
 * const { status, clientSecret, isEnabled } = useCustomerSession({ endpoint: '/api/customer-session', components: ['payment_element'] });
 */
export function useCustomerSession(options: UseCustomerSessionOptions): CustomerSessionState {
  const fromProvider = useContext(CustomerSessionQueryClientContext);
  const fromApp = useContext(QueryClientContext);
  return useCustomerSessionWithClient(options, fromProvider ?? fromApp ?? fallbackQueryClient());
}
