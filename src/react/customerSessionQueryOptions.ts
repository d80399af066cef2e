'use client';
import { retryPolicy } from '../core/retryPolicy';

/**
 * Query options every Customer Session query uses. The secret lives in memory only, briefly:
 * a 30 s `gcTime` after the last user leaves, `meta.persist: false` for persisters that honour it.
 * Refetching is driven by the session's own expiry timer, never by TanStack Query's focus,
 * reconnect or staleness heuristics.
 */
export const customerSessionQueryOptions = {
  gcTime: 30_000,
  staleTime: Infinity,
  retry: retryPolicy.shouldRetry,
  retryDelay: retryPolicy.delayMs,
  refetchOnMount: true,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  structuralSharing: false,
  meta: { persist: false },
} as const;
