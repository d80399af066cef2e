'use client';
import { useContext } from 'react';
import { CustomerSessionContext, type CustomerSessionContextValue } from './CustomerSessionContext';

/** Internal: the whole context value, or a clear error naming the provider. */
export function useCustomerSessionContextValue(hookName: string): CustomerSessionContextValue {
  const value = useContext(CustomerSessionContext);
  if (value === null) {
    throw new Error(
      `${hookName} must be used inside <CustomerSessionProvider>. Wrap the part of your app that renders it in <CustomerSessionProvider endpoint="...">.`,
    );
  }
  return value;
}
