'use client';
import { useContext } from 'react';
import { CustomerSessionContext, type CustomerSessionContextValue } from './CustomerSessionContext';
import { withholdExpiredSecret } from './withholdExpiredSecret';

const withheldValues = new WeakMap<CustomerSessionContextValue, CustomerSessionContextValue>();

/**
 * Internal: the whole context value, or a clear error naming the provider (`optional`: `null`
 * instead, for components that also work without one). Every consumer reads through here, so the
 * expiry check runs on each render: a consumer that re-renders on its own after the clock passed
 * `expires_at` gets no secret even before the provider's timer has fired.
 */
export function useCustomerSessionContextValue(hookName: string): CustomerSessionContextValue;
export function useCustomerSessionContextValue(hookName: string, options: { optional: boolean }): CustomerSessionContextValue | null;
export function useCustomerSessionContextValue(hookName: string, options?: { optional: boolean }): CustomerSessionContextValue | null {
  const value = useContext(CustomerSessionContext);
  if (value === null) {
    if (options?.optional) return null;
    throw new Error(
      `${hookName} must be used inside <CustomerSessionProvider>. Wrap the part of your app that renders it in <CustomerSessionProvider endpoint="...">.`,
    );
  }
  // Reading the clock in render is the point: expiry is monotonic, so a later render can only withhold more.
  // eslint-disable-next-line react-hooks/purity
  const state = withholdExpiredSecret(value.state, Date.now());
  if (state === value.state) return value;
  let copy = withheldValues.get(value);
  if (copy === undefined) {
    copy = { ...value, state };
    withheldValues.set(value, copy);
  }
  return copy;
}
