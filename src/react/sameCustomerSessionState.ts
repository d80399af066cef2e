'use client';
import type { CustomerSessionState } from './types';

/** True when two states would render the same: lets consumers skip renders for internal changes. */
export function sameCustomerSessionState(a: CustomerSessionState, b: CustomerSessionState): boolean {
  return (
    a.status === b.status &&
    a.session === b.session &&
    a.clientSecret === b.clientSecret &&
    a.error === b.error &&
    (a.expiresAt?.getTime() ?? null) === (b.expiresAt?.getTime() ?? null)
  );
}
