import { createElement, Fragment } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { loadStripe } from '@stripe/stripe-js';
import { CustomerSessionProvider } from '../../src/react/CustomerSessionProvider';
import { useCustomerSession } from '../../src/react/useCustomerSession';
import { useSessionContext } from '../../src/react/CustomerSessionProvider';

/** The provider's context value with its current state, as the package's components read it. */
function useCustomerSessionContextValue(caller: string) {
  const { value, state } = useSessionContext(caller);
  return { ...value, state };
}

vi.mock('@stripe/stripe-js', () => ({ loadStripe: vi.fn(async () => null) }));

describe('server rendering (node, no window)', () => {
  it('renders pending, fetches nothing and never loads Stripe.js', () => {
    const endpoint = vi.fn(async () => {
      throw new Error('must not be called during SSR');
    });
    const seen: string[] = [];
    function Probe() {
      const { state, getStripe } = useCustomerSessionContextValue('Probe');
      const own = useCustomerSession({ endpoint: '/api/customer-session' });
      seen.push(`${state.status}/${own.status}/${String(getStripe())}/${String(state.clientSecret)}`);
      return createElement('span', null, state.status);
    }
    const html = renderToString(createElement(CustomerSessionProvider, { endpoint, publishableKey: 'pk_test_123', children: createElement(Probe) }));
    expect(typeof window).toBe('undefined');
    expect(html).toBe('<span>pending</span>');
    expect(seen).toEqual(['pending/pending/undefined/null']);
    expect(endpoint).not.toHaveBeenCalled();
    expect(loadStripe).not.toHaveBeenCalled();
  });

  it("leaves no timer and no query behind (nothing holds the request's QueryClient)", () => {
    vi.useFakeTimers();
    try {
      const queryClient = new QueryClient();
      function Probe() {
        useCustomerSession({ endpoint: '/api/customer-session', components: ['pricing_table'] });
        return null;
      }
      const tree = createElement(Fragment, null, createElement(CustomerSessionProvider, { endpoint: '/api/customer-session', queryClient, children: createElement(Probe) }), createElement(Probe));
      expect(renderToString(tree)).toBe('');
      expect(vi.getTimerCount()).toBe(0);
      expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
