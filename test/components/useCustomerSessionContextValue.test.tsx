import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CustomerSessionContext, useSessionContext, type CustomerSessionContextValue } from '../../src/react/CustomerSessionProvider';
import { makeSession, sessionContextValue, sessionState } from '../helpers/renderWithSessionState';

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

describe('useSessionContext (what every component reads)', () => {
  it('throws outside a provider, naming the caller; with optional it returns null instead', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useSessionContext('<Probe>'))).toThrow(/<Probe> must be used inside <CustomerSessionProvider>/);
    expect(renderHook(() => useSessionContext('<Probe>', true)).result.current).toBeNull();
  });

  it.each([false, true])('optional: %s, without a store (server rendering, hydration) gives the state as rendered; the value passes through', (optional) => {
    const session = makeSession(['pricing_table'], { ttlSeconds: 60 });
    const value = sessionContextValue(sessionState({ status: 'ready', session }), { publishableKey: 'pk_test_1' });
    const { result, rerender } = renderHook(() => (optional ? useSessionContext('<Probe>', true) : useSessionContext('<Probe>')), { wrapper: providing(value) });
    expect(result.current?.value).toBe(value);
    const shown = result.current?.state;
    expect(shown).toMatchObject({ status: 'ready', clientSecret: session.client_secret });
    // The expiry check is the store's (test/react/expiry.test.tsx): the server's HTML and the
    // hydrating render must agree, so what the server rendered is what hydration shows.
    vi.setSystemTime(session.expires_at * 1000);
    rerender();
    expect(result.current?.state).toBe(shown);
    expect(result.current?.value.publishableKey).toBe('pk_test_1');
  });
});
