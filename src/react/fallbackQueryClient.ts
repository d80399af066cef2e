'use client';
import { QueryClient } from '@tanstack/react-query';

let shared: QueryClient | undefined;

/**
 * The QueryClient of `useCustomerSession` calls with neither a `CustomerSessionProvider` nor a
 * `QueryClientProvider` above them: one per page, so such hooks still share one session. On the
 * server every call gets a fresh client, so nothing is shared between requests.
 */
export function fallbackQueryClient(): QueryClient {
  if (typeof window === 'undefined') return new QueryClient();
  if (shared === undefined) {
    shared = new QueryClient();
    shared.mount(); // follow focus and online events, like a QueryClientProvider would
  }
  return shared;
}
