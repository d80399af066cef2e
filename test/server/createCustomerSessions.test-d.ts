import type Stripe from 'stripe';
import { createCustomerSessions, maxSessionsPerRequest } from '../../src/server';
import type { CreateCustomerSessionsOptions, CustomerSession, CustomerSessionBatchResponse, CustomerSessionRequestBody } from '../../src/server';

declare const stripe: Stripe;
const components = { pricing_table: { enabled: true }, buy_button: { enabled: true } };

test('createCustomerSessions takes one component list per session and returns the sessions', () => {
  const sessions = createCustomerSessions({ stripe, customer: 'cus_1', components, sessions: [['pricing_table'], ['buy_button'], []] });
  expectTypeOf(sessions).toEqualTypeOf<Promise<CustomerSession[]>>();
  expectTypeOf(maxSessionsPerRequest).toEqualTypeOf<number>();
  // A readonly list (an `as const` array from a shared module) fits.
  const fromModule = [['pricing_table'], ['buy_button']] as const;
  expectTypeOf({ stripe, customer: 'cus_1', components, sessions: fromModule }).toExtend<CreateCustomerSessionsOptions>();
});

test('an unknown component name, a missing sessions or narrow is a type error', () => {
  // @ts-expect-error: not a component name
  void createCustomerSessions({ stripe, customer: 'cus_1', components, sessions: [['checkout']] });
  // @ts-expect-error: sessions is required
  void createCustomerSessions({ stripe, customer: 'cus_1', components });
  // @ts-expect-error: narrow belongs to createCustomerSession
  void createCustomerSessions({ stripe, customer: 'cus_1', components, sessions: [[]], narrow: ['pricing_table'] });
});

test('the wire types: one session or a batch, never both', () => {
  expectTypeOf({ components: ['pricing_table'] as const }).toExtend<CustomerSessionRequestBody>();
  expectTypeOf<{ sessions: [['buy_button']] }>().toExtend<CustomerSessionRequestBody>();
  expectTypeOf<Record<never, never>>().toExtend<CustomerSessionRequestBody>();
  expectTypeOf<{ components: ['buy_button']; sessions: [['buy_button']] }>().not.toExtend<CustomerSessionRequestBody>();
  expectTypeOf<{ sessions: [['checkout']] }>().not.toExtend<CustomerSessionRequestBody>();
  expectTypeOf<CustomerSessionBatchResponse['sessions']>().toEqualTypeOf<CustomerSession[]>();
});
