import { expectTypeOf } from 'vitest';
import type { CustomerSession, CustomerSessionError, CustomerSessionState } from '../../src/index';
import { CustomerSessionProvider, useCustomerSession, useCustomerSessionContext } from '../../src/index';

describe('client types', () => {
  it('types the state from the wire model', () => {
    expectTypeOf(useCustomerSession).returns.toEqualTypeOf<CustomerSessionState>();
    expectTypeOf(useCustomerSessionContext).returns.toEqualTypeOf<CustomerSessionState>();
    expectTypeOf<CustomerSessionState['session']>().toEqualTypeOf<CustomerSession | null>();
    expectTypeOf<CustomerSessionState['error']>().toEqualTypeOf<CustomerSessionError | null>();
    expectTypeOf<NonNullable<CustomerSessionState['session']>['components']['payment_element']['features']>().not.toBeAny();
    expectTypeOf<CustomerSessionState['refresh']>().returns.toEqualTypeOf<Promise<void>>();
  });

  it('accepts only known component names and well-typed endpoints', () => {
    expectTypeOf(useCustomerSession).toBeCallableWith({ endpoint: '/api/cs', components: ['payment_element', 'pricing_table'] });
    expectTypeOf(useCustomerSession).toBeCallableWith({ endpoint: async ({ components, signal }) => {
      expectTypeOf(signal).toEqualTypeOf<AbortSignal>();
      return (await fetch('/x', { body: JSON.stringify(components), signal })).json() as Promise<CustomerSession>;
    } });
    // @ts-expect-error not a component
    useCustomerSession({ endpoint: '/api/cs', components: ['checkout'] });
    // @ts-expect-error the function must resolve to a Customer Session
    useCustomerSession({ endpoint: async () => 'cuss_secret_x' });
    // @ts-expect-error endpoint is required
    CustomerSessionProvider({ children: null });
  });
});
