'use client';
import type { CustomerSessionState } from './types';
import { useCustomerSessionContextValue } from './useCustomerSessionContextValue';

/** The session shared by the nearest `CustomerSessionProvider`. Throws outside one. */
export function useCustomerSessionContext(): CustomerSessionState {
  return useCustomerSessionContextValue('useCustomerSessionContext()').state;
}
