'use client';
import type { ComponentName } from '../core/componentNames';
import type { ComponentSecret } from './componentTypes';
import type { CustomerSessionState } from './types';

/** Pure: what one component may use of the session. */
export function componentSecretFromState(state: CustomerSessionState, component: ComponentName, sessionEnabled = true): ComponentSecret {
  const { session, clientSecret, error } = state;
  if (!sessionEnabled) return { clientSecret: null, status: 'off', error: null };
  if (session !== null && !state.isEnabled(component)) return { clientSecret: null, status: 'disabled', error };
  if (session !== null && clientSecret !== null) return { clientSecret, status: 'ready', error };
  if (state.status === 'error') return { clientSecret: null, status: 'error', error };
  return { clientSecret: null, status: session === null && state.status === 'pending' ? 'pending' : 'expired', error };
}
