'use client';
import { useState } from 'react';
import type { CustomerSessionContextValue } from './CustomerSessionContext';

/**
 * Internal: whether a secret shown earlier was dropped (sign-out) rather than expired or replaced.
 * Dropped: the provider is switched off, or the session it held under the same `sessionKey` is gone
 * (the app's `removeQueries()` / `clear()`; then pending or failed, with no `expiresAt`). A new
 * `sessionKey` (other components or endpoint) is a new session for the same customer, so its empty
 * pending state is no sign-out. An expired session, even one whose refresh failed, keeps `expiresAt`.
 * `null` (no provider, or an anonymous component): never dropped.
 */
export function useSessionDropped(value: CustomerSessionContextValue | null): boolean {
  // The last sessionKey seen holding a session; a session that goes away under it was dropped.
  const [keyWithSession, setKeyWithSession] = useState<{ key: string | undefined } | null>(null);
  if (value === null) return false;
  const { state, enabled, sessionKey } = value;
  const hasSession = state.session !== null || state.expiresAt !== null;
  if (hasSession && (keyWithSession === null || keyWithSession.key !== sessionKey)) setKeyWithSession({ key: sessionKey });
  return enabled === false || (!hasSession && keyWithSession !== null && keyWithSession.key === sessionKey);
}
