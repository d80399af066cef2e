'use client';
import type { CustomerSessionState } from './types';

/**
 * Internal: the provider holds no session at all, so a secret shown earlier was dropped rather than
 * merely expired: the provider is switched off (`enabled: false`), or its data is gone (never
 * fetched, or removed by the app, e.g. `queryClient.removeQueries()` on sign-out). An expired
 * session, even one whose refresh failed, still has its `expiresAt`.
 */
export function hasNoSession(state: CustomerSessionState, enabled: boolean | undefined): boolean {
  return enabled === false || (state.session === null && state.expiresAt === null);
}
