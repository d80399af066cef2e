import type { IncomingMessage, ServerResponse } from 'node:http';
import type Stripe from 'stripe';
import { createCustomerSessionHandler, toNodeListener } from '../../src/server';
import type { CustomerSessionHandler, CustomerSessionStripeClient } from '../../src/server';
import type { EmulatorStripeClient } from '../../src/testing';

declare const stripe: Stripe;

test('a real Stripe instance is accepted as the client', () => {
  expectTypeOf(stripe).toExtend<CustomerSessionStripeClient>();
  const handler = createCustomerSessionHandler({
    stripe,
    resolveCustomer: () => 'cus_123',
    components: { payment_element: { enabled: true } },
  });
  expectTypeOf(handler).toEqualTypeOf<CustomerSessionHandler>();
});

test('the in-process emulator client fits too', () => {
  expectTypeOf<EmulatorStripeClient>().toExtend<CustomerSessionStripeClient>();
});

test('the handler is a Fetch route handler and the Node listener takes (req, res)', () => {
  expectTypeOf<CustomerSessionHandler>().parameters.toEqualTypeOf<[Request]>();
  expectTypeOf<CustomerSessionHandler>().returns.toEqualTypeOf<Promise<Response>>();
  expectTypeOf(toNodeListener).returns.toExtend<(req: IncomingMessage, res: ServerResponse) => void>();
});

test('resolveCustomer may return the customer in every documented shape, sync or async', () => {
  type Resolve = Parameters<typeof createCustomerSessionHandler>[0]['resolveCustomer'];
  expectTypeOf<() => string>().toExtend<Resolve>();
  expectTypeOf<() => Promise<{ customer: string }>>().toExtend<Resolve>();
  expectTypeOf<() => { customer_account: string }>().toExtend<Resolve>();
  expectTypeOf<() => null>().toExtend<Resolve>();
  expectTypeOf<() => number>().not.toExtend<Resolve>();
});

test('a hand-written client whose create takes no request options still fits', () => {
  const standIn = { customerSessions: { create: (_params: Stripe.CustomerSessionCreateParams) => Promise.resolve({ client_secret: 'x', expires_at: 1 }) } };
  expectTypeOf(standIn).toExtend<CustomerSessionStripeClient>();
});

test('the new handler options are typed', () => {
  type Options = Parameters<typeof createCustomerSessionHandler>[0];
  expectTypeOf<Options['allowedOrigins']>().toEqualTypeOf<readonly string[] | undefined>();
  expectTypeOf<Options['trustProxy']>().toEqualTypeOf<boolean | undefined>();
  expectTypeOf<Options['bodyTimeoutMs']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<Options['stripeTimeoutMs']>().toEqualTypeOf<number | undefined>();
});

test('a client whose create takes something else is refused', () => {
  const notStripe = { customerSessions: { create: (_id: number) => Promise.resolve({ client_secret: 'x', expires_at: 1 }) } };
  expectTypeOf(notStripe).not.toExtend<CustomerSessionStripeClient>();
});
