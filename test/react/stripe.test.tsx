import { render, waitFor } from '@testing-library/react';
import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js';
import { CustomerSessionProvider } from '../../src/react/CustomerSessionProvider';
import type { CustomerSessionProviderProps, StripeProp } from '../../src/react/types';
import { useSessionContext } from '../../src/react/CustomerSessionProvider';

/** The provider's context value with its current state, as the package's components read it. */
function useCustomerSessionContextValue(caller: string) {
  const { value, state } = useSessionContext(caller);
  return { ...value, state };
}
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { resetWarnings } from '../../src/core/warnings';

const fakeStripe = { elements: vi.fn() } as unknown as Stripe;
vi.mock('@stripe/stripe-js', () => ({ loadStripe: vi.fn(async () => fakeStripe) }));

const endpoint = async () => makeCustomerSession();

function renderCapturing(props: Omit<CustomerSessionProviderProps, 'children' | 'endpoint'>) {
  const seen: Array<ReturnType<typeof useCustomerSessionContextValue>> = [];
  function Capture() {
    seen.push(useCustomerSessionContextValue('Capture'));
    return null;
  }
  const view = render(
    <CustomerSessionProvider endpoint={endpoint} {...props}>
      <Capture />
    </CustomerSessionProvider>,
  );
  return { seen, view, latest: () => seen.at(-1)! };
}

beforeEach(() => {
  vi.mocked(loadStripe).mockClear();
});

describe('getStripe', () => {
  it('calls loadStripe(publishableKey) once, lazily, on first use', async () => {
    const { latest, view } = renderCapturing({ publishableKey: 'pk_test_123' });
    await waitFor(() => expect(latest().state.status).toBe('ready'));
    expect(loadStripe).not.toHaveBeenCalled();
    expect(latest().publishableKey).toBe('pk_test_123');
    const first = latest().getStripe();
    const second = latest().getStripe();
    expect(first).toBe(second);
    await expect(first).resolves.toBe(fakeStripe);
    view.rerender(
      <CustomerSessionProvider endpoint={endpoint} publishableKey="pk_test_other">
        <span />
      </CustomerSessionProvider>,
    );
    expect(latest().getStripe()).toBe(first);
    expect(loadStripe).toHaveBeenCalledTimes(1);
    expect(loadStripe).toHaveBeenCalledWith('pk_test_123');
  });

  it('prefers the stripe prop and never loads Stripe.js then', () => {
    const given: StripeProp = Promise.resolve(fakeStripe);
    const { latest } = renderCapturing({ stripe: given, publishableKey: 'pk_test_123', enabled: false });
    expect(latest().getStripe()).toBe(given);
    expect(loadStripe).not.toHaveBeenCalled();
  });

  it('passes an explicit stripe={null} through', () => {
    const { latest } = renderCapturing({ stripe: null, enabled: false });
    expect(latest().getStripe()).toBeNull();
  });

  it('returns undefined with neither stripe nor publishableKey', () => {
    const { latest } = renderCapturing({ enabled: false });
    expect(latest().getStripe()).toBeUndefined();
    expect(latest().publishableKey).toBeUndefined();
    expect(loadStripe).not.toHaveBeenCalled();
  });

  it('keeps one getStripe per provider across renders', async () => {
    const { seen, latest } = renderCapturing({ publishableKey: 'pk_test_123' });
    await waitFor(() => expect(latest().state.status).toBe('ready'));
    expect(new Set(seen.map((v) => v.getStripe)).size).toBe(1);
  });
});

describe('unsupported prop changes', () => {
  // The provider reads `stripe` and `publishableKey` once (as `<Elements>` reads `stripe`): a change
  // is ignored, and said so in development, never thrown.
  it.each([
    ['publishableKey', { publishableKey: 'pk_test_123' }, { publishableKey: 'pk_test_other' }],
    ['stripe', { stripe: Promise.resolve(fakeStripe) }, { stripe: Promise.resolve(fakeStripe) }],
  ] as const)('a new %s warns once in development and keeps the first', (name, first, next) => {
    resetWarnings();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { latest, view } = renderCapturing({ ...first, enabled: false });
    const stripe = latest().getStripe();
    view.rerender(
      <CustomerSessionProvider endpoint={endpoint} {...first} enabled={false}>
        <span />
      </CustomerSessionProvider>,
    );
    expect(warn).not.toHaveBeenCalled();
    for (let i = 0; i < 2; i++) {
      view.rerender(
        <CustomerSessionProvider endpoint={endpoint} {...next} enabled={false}>
          <span />
        </CustomerSessionProvider>,
      );
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(new RegExp(`\`${name}\`.*<CustomerSessionProvider>`));
    expect(latest().getStripe()).toBe(stripe);
  });
});
