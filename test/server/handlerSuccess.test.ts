import { createCustomerSessionHandler } from '../../src/server';
import type { CustomerSessionComponentsParams, CustomerSession } from '../../src/core/types';
import { startSdkServer } from './sdkServer';

const policy: CustomerSessionComponentsParams = {
  payment_element: {
    enabled: true,
    features: {
      payment_method_redisplay: 'enabled',
      payment_method_redisplay_limit: 5,
      payment_method_save: 'enabled',
      payment_method_save_usage: 'off_session',
    },
  },
  pricing_table: { enabled: true },
  buy_button: { enabled: true },
};

let ctx: Awaited<ReturnType<typeof startSdkServer>>;
let alice: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  ctx = await startSdkServer();
  alice = ctx.emulator.createCustomer({ email: 'alice@example.com' }).id;
  handler = createCustomerSessionHandler({
    stripe: ctx.stripe,
    // The app's own auth: a session cookie naming Alice.
    resolveCustomer: (request) => (request.headers.get('cookie') === 'sid=alice' ? alice : null),
    components: policy,
    stripeBudget: false, // many sessions in a second here; the budget has its own suite
  });
});
afterAll(() => ctx.server.close());

function post(body: unknown): Request {
  return new Request('http://shop.test/api/customer-session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: 'sid=alice' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

// What reached Stripe, as the emulator decoded the form body (every value a string).
function lastStripeParams() {
  return ctx.emulator.requests.at(-1)?.params;
}

function enabledIn(session: CustomerSession): string[] {
  return Object.entries(session.components)
    .filter(([, component]) => component.enabled)
    .map(([name]) => name)
    .sort();
}

describe('createCustomerSessionHandler against the emulator through the official SDK', () => {
  it('narrows the policy to the requested components, with the policy features', async () => {
    const response = await handler(post({ components: ['payment_element'] }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');

    const session = (await response.json()) as CustomerSession & Record<string, unknown>;
    expect(session.object).toBe('customer_session');
    expect(session.client_secret).toMatch(/^cuss_secret_/);
    expect(session.customer).toBe(alice);
    expect(enabledIn(session)).toEqual(['payment_element']);
    expect(session.components.payment_element.features).toMatchObject({
      payment_method_redisplay: 'enabled',
      payment_method_redisplay_limit: 5,
      payment_method_save_usage: 'off_session',
    });
    expect(session).not.toHaveProperty('lastResponse');
    expect(lastStripeParams()).toEqual({
      customer: alice,
      components: { payment_element: { enabled: 'true', features: expect.objectContaining({ payment_method_redisplay_limit: '5' }) } },
    });
  });

  it('narrows to two components', async () => {
    const session = (await (await handler(post({ components: ['pricing_table', 'buy_button'] }))).json()) as CustomerSession;
    expect(enabledIn(session)).toEqual(['buy_button', 'pricing_table']);
  });

  it.each([
    ['an empty object', {}],
    ['an empty list', { components: [] }],
    ['a null list', { components: null }],
    ['an empty body', ''],
  ])('grants the whole policy for %s', async (_label, body) => {
    const response = await handler(post(body));
    expect(response.status).toBe(200);
    expect(enabledIn((await response.json()) as CustomerSession)).toEqual(['buy_button', 'payment_element', 'pricing_table']);
  });

  it('ignores a body naming another customer: Stripe is asked for the signed-in one', async () => {
    const mallory = ctx.emulator.createCustomer({ email: 'mallory@example.com' }).id;
    const response = await handler(
      post({ customer: mallory, customer_account: 'acct_mallory', components: ['pricing_table'] }),
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as CustomerSession).customer).toBe(alice);
    expect(lastStripeParams()).toEqual({ customer: alice, components: { pricing_table: { enabled: 'true' } } });
  });

  it('ignores features sent with the request: they come from the policy only', async () => {
    const response = await handler(
      post({ components: ['payment_element'], features: { payment_method_remove: 'enabled' } }),
    );
    const session = (await response.json()) as CustomerSession;
    expect(session.components.payment_element.features?.payment_method_remove).toBe('disabled');
  });

  it('creates a fresh session per request, never forwarding an Idempotency-Key', async () => {
    const first = post({});
    first.headers.set('Idempotency-Key', 'same-key');
    const second = post({});
    second.headers.set('Idempotency-Key', 'same-key');
    const a = (await (await handler(first)).json()) as CustomerSession;
    const b = (await (await handler(second)).json()) as CustomerSession;
    expect(a.client_secret).not.toBe(b.client_secret);
  });

  it('accepts JSON content types with parameters and +json suffixes', async () => {
    for (const type of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      const request = post({ components: ['pricing_table'] });
      request.headers.set('Content-Type', type);
      expect((await handler(request)).status).toBe(200);
    }
  });
});
