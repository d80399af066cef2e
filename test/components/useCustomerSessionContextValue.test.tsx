import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CustomerSessionContext, type CustomerSessionContextValue } from '../../src/react/CustomerSessionContext';
import { useCustomerSessionContextValue } from '../../src/react/useCustomerSessionContextValue';
import { makeSession, sessionState } from '../helpers/renderWithSessionState';

const providing = (value: CustomerSessionContextValue) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return <CustomerSessionContext.Provider value={value}>{children}</CustomerSessionContext.Provider>;
  };

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-01T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useCustomerSessionContextValue', () => {
  it('throws outside a provider, naming the caller; with optional it returns null instead', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useCustomerSessionContextValue('<Probe>'))).toThrow(/<Probe> must be used inside <CustomerSessionProvider>/);
    expect(renderHook(() => useCustomerSessionContextValue('<Probe>', { optional: true })).result.current).toBeNull();
  });

  it.each([false, true])('optional: %s, withholds a secret past expires_at the same way, as one stable copy', (optional) => {
    const session = makeSession(['pricing_table'], { ttlSeconds: 60 });
    const value: CustomerSessionContextValue = { state: sessionState({ status: 'ready', session }), getStripe: () => null, publishableKey: 'pk_test_1' };
    const { result, rerender } = renderHook(() => useCustomerSessionContextValue('<Probe>', { optional }), { wrapper: providing(value) });
    expect(result.current).toBe(value);

    vi.setSystemTime(session.expires_at * 1000);
    rerender();
    const withheld = result.current;
    expect(withheld).not.toBe(value);
    expect(withheld?.state).toMatchObject({ status: 'expired', session: null, clientSecret: null });
    expect(withheld?.publishableKey).toBe('pk_test_1');
    rerender();
    expect(result.current).toBe(withheld);
  });
});
