import type Stripe from 'stripe';
import { createCustomerSession, createCustomerSessionHandler } from '../../src/server';
import type { CustomerSession, CustomerSessionComponentsParams } from '../../src/server';
import { createStripeEmulator, type ListeningEmulator, type StripeEmulator } from '../../src/testing';
import { startSdkServer } from './sdkServer';

// Current API versions list `components` as optional and expandable on the Customer Session: an answer
// may leave it out unless asked for. Here the emulator's answers go out without it, over a socket, to
// the official SDK.
const policy: CustomerSessionComponentsParams = {
  payment_element: { enabled: true, features: { payment_method_redisplay: 'enabled', payment_method_redisplay_limit: 5 } },
  pricing_table: { enabled: true },
  buy_button: { enabled: true },
};

let emulator: StripeEmulator;
let server: ListeningEmulator;
let stripe: Stripe;
let customer: string;

beforeAll(async () => {
  emulator = createStripeEmulator();
  const withoutComponents: StripeEmulator = Object.create(emulator, {
    handle: {
      value: async (request: Request) => {
        const response = await emulator.handle(request);
        if (!response.ok || !new URL(request.url).pathname.endsWith('/customer_sessions')) return response;
        const { components: _dropped, ...rest } = (await response.json()) as Record<string, unknown>;
        return Response.json(rest, { status: response.status, headers: { 'Request-Id': 'req_no_components' } });
      },
    },
  });
  ({ server, stripe } = await startSdkServer(withoutComponents));
  customer = emulator.createCustomer().id;
});
afterAll(() => server.close());

const enabledIn = (session: CustomerSession) =>
  Object.entries(session.components).filter(([, c]) => c.enabled).map(([name]) => name).sort();

describe('an answer without components is filled from what was asked for', () => {
  it('createCustomerSession: the narrowed components, with the policy features', async () => {
    const raw = await stripe.customerSessions.create({ customer, components: { pricing_table: { enabled: true } } });
    expect(raw.components).toBeUndefined(); // the precondition: Stripe's answer really lacks it

    const session = await createCustomerSession({ stripe, customer, components: policy, narrow: ['payment_element', 'buy_button'] });
    expect(enabledIn(session)).toEqual(['buy_button', 'payment_element']);
    expect(session.components.pricing_table).toEqual({ enabled: false });
    expect(session.components.payment_element.features).toMatchObject({ payment_method_redisplay: 'enabled', payment_method_redisplay_limit: 5 });
  });

  it('the handler: the whole policy when the browser does not narrow', async () => {
    const handler = createCustomerSessionHandler({ stripe, resolveCustomer: () => customer, components: policy });
    const response = await handler(
      new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
    );
    expect(response.status).toBe(200);
    expect(enabledIn((await response.json()) as CustomerSession)).toEqual(['buy_button', 'payment_element', 'pricing_table']);
  });

  it('the handler: only the requested components', async () => {
    const handler = createCustomerSessionHandler({ stripe, resolveCustomer: () => customer, components: policy });
    const response = await handler(
      new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"components":["pricing_table"]}' }),
    );
    expect(enabledIn((await response.json()) as CustomerSession)).toEqual(['pricing_table']);
  });
});
