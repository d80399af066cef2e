'use client';
import type { CustomerSessionState } from './types';

const withheld = new WeakMap<CustomerSessionState, CustomerSessionState>();
const disabledEverywhere = (): boolean => false;

/**
 * The state as of `now`: when its expiry has passed but no timer has run yet to say so (a tab that
 * slept, a consumer that re-renders on its own before the provider does), the session and its secret
 * are withheld. The withheld copy is cached per state, so it stays referentially stable.
 */
export function withholdExpiredSecret(state: CustomerSessionState, now: number): CustomerSessionState {
  if (state.clientSecret === null || state.expiresAt === null || now < state.expiresAt.getTime()) return state;
  let copy = withheld.get(state);
  if (copy === undefined) {
    copy = {
      ...state,
      status: state.status === 'error' ? 'error' : 'expired',
      session: null,
      clientSecret: null,
      isEnabled: disabledEverywhere,
    };
    withheld.set(state, copy);
  }
  return copy;
}
