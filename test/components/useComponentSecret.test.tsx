import { render, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComponentName } from '../../src/core/componentNames';
import { CustomerSessionError } from '../../src/core/errors';
import { CustomerSessionContext } from '../../src/react/CustomerSessionProvider';
import { useComponentSecret } from '../../src/react/elementSecret';
import { resetWarnings } from '../../src/core/warnings';
import { makeSession, sessionContextValue, sessionState, type SessionStateInput } from '../helpers/renderWithSessionState';

function secretFor(component: ComponentName, input: SessionStateInput, enabled?: boolean) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <CustomerSessionContext.Provider value={sessionContextValue(sessionState(input), { enabled: enabled ?? true })}>
      {children}
    </CustomerSessionContext.Provider>
  );
  return renderHook(() => useComponentSecret(component), { wrapper }).result.current;
}

const session = makeSession(['pricing_table', 'customer_sheet']);
const failure = new CustomerSessionError('http', 'Endpoint answered 503', { status: 503 });

beforeEach(() => {
  resetWarnings();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('useComponentSecret', () => {
  it.each<[string, ComponentName, SessionStateInput, { clientSecret: string | null; status: string; error: CustomerSessionError | null }]>([
    ['pending', 'pricing_table', { status: 'pending' }, { clientSecret: null, status: 'pending', error: null }],
    ['enabled', 'pricing_table', { status: 'ready', session }, { clientSecret: session.client_secret, status: 'ready', error: null }],
    ['enabled while refreshing', 'pricing_table', { status: 'refreshing', session }, { clientSecret: session.client_secret, status: 'ready', error: null }],
    ['not enabled', 'buy_button', { status: 'ready', session }, { clientSecret: null, status: 'disabled', error: null }],
    ['expired', 'pricing_table', { status: 'expired', session }, { clientSecret: null, status: 'expired', error: null }],
    ['error, no session', 'pricing_table', { status: 'error', error: failure }, { clientSecret: null, status: 'error', error: failure }],
    ['refresh failed, secret still valid', 'pricing_table', { status: 'error', session, clientSecret: session.client_secret, error: failure }, { clientSecret: session.client_secret, status: 'ready', error: failure }],
    ['refresh failed, secret expired', 'pricing_table', { status: 'error', session, error: failure }, { clientSecret: null, status: 'error', error: failure }],
    ['native-only component', 'customer_sheet', { status: 'ready', session }, { clientSecret: session.client_secret, status: 'ready', error: null }],
  ])('%s', (_name, component, input, expected) => {
    expect(secretFor(component, input)).toEqual(expected);
  });

  it('is off, without a secret, whenever the provider is enabled={false}, even if its state still holds a session', () => {
    expect(secretFor('pricing_table', { status: 'pending' }, false)).toEqual({ clientSecret: null, status: 'off', error: null });
    expect(secretFor('pricing_table', { status: 'ready', session }, false)).toEqual({ clientSecret: null, status: 'off', error: null });
    expect(console.warn).not.toHaveBeenCalled();
  });

  it('warns once in development for a component the session does not enable, naming the param', () => {
    secretFor('buy_button', { status: 'ready', session });
    secretFor('buy_button', { status: 'ready', session });
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(String(vi.mocked(console.warn).mock.calls[0]?.[0])).toContain('components[buy_button][enabled]');
  });

  it('throws a clear error outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Probe() {
      useComponentSecret('pricing_table');
      return null;
    }
    expect(() => render(<Probe />)).toThrow(/useComponentSecret\('pricing_table'\) must be used inside <CustomerSessionProvider>/);
  });
});
