import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener } from '../../src/node';
import { createCustomerSessionHandler } from '../../src/server';
import type { CustomerSession, StripeErrorBody } from '../../src/core/types';
import { chunkedBody } from '../helpers/chunkedBody';
import { expectNoSecrets, secretKey, startSdkServer } from '../server/sdkServer';

// End to end: fetch → node:http + toNodeListener → the handler → the official SDK → socket → emulator.
let ctx: Awaited<ReturnType<typeof startSdkServer>>;
let app: Server;
let base: string;
const customers: Record<string, string> = {};
const liveKey = 'sk_live_51FaultSuiteWrongModeKey0000c0de';

beforeAll(async () => {
  ctx = await startSdkServer();
  customers.jenny = ctx.emulator.createCustomer({ email: 'jenny@example.com' }).id;
  customers.mallory = ctx.emulator.createCustomer({ email: 'mallory@example.com' }).id;
  customers.ghost = 'cus_DeletedSinceSignIn';
  const options = {
    // The app's own auth: a session cookie names the user.
    resolveCustomer: (request: Request) => customers[/(?:^|;\s*)user=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? ''] ?? null,
    components: { payment_element: { enabled: true, features: { payment_method_redisplay: 'enabled' as const } }, pricing_table: { enabled: true } },
    maxBodyBytes: 2048,
    onError: () => {},
  };
  const route = toNodeListener(createCustomerSessionHandler({ ...options, stripe: ctx.stripe }));
  const wrongKeyRoute = toNodeListener(createCustomerSessionHandler({ ...options, stripe: ctx.sdk(liveKey) }));
  app = createServer((req, res) => (req.url?.startsWith('/wrong-key') ? wrongKeyRoute : route)(req, res));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});
afterAll(async () => {
  app.closeAllConnections();
  await new Promise((resolve) => app.close(resolve));
  await ctx.server.close();
});

type Init = RequestInit & { duplex?: 'half' };

function call(init: Init = {}, user: string | null = 'jenny', path = '/api/customer-session'): Promise<Response> {
  const headers = new Headers({ 'Content-Type': 'application/json', ...Object.fromEntries(new Headers(init.headers)) });
  if (user) headers.set('Cookie', `user=${user}`);
  return fetch(`${base}${path}`, { method: 'POST', body: '{"components":["pricing_table"]}', ...init, headers });
}

/** A Stripe-shaped refusal that never reached Stripe and carries no secret. */
async function expectRefusal(response: Response, status: number, stripeCallsBefore: number): Promise<StripeErrorBody['error']> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const { error } = JSON.parse(await expectNoSecrets(response)) as StripeErrorBody;
  expect(error).toMatchObject({ type: 'invalid_request_error', message: expect.any(String) });
  expect(ctx.emulator.requests).toHaveLength(stripeCallsBefore);
  return error;
}

describe('fault: the server handler', () => {
  it('no auth: 401 before anything else, Stripe never called', async () => {
    const before = ctx.emulator.requests.length;
    const error = await expectRefusal(await call({ body: '{"components":["customer_sheet"]}' }, null), 401, before);
    expect(error.param).toBeUndefined();
    expect(error.message).not.toContain('customer_sheet'); // an anonymous caller learns nothing about the policy
  });

  it("a body naming another customer is ignored: the session is the signed-in customer's", async () => {
    const body = JSON.stringify({ components: ['pricing_table'], customer: customers.mallory, customer_account: 'acct_1Mallory', features: { payment_method_remove: 'enabled' } });
    const response = await call({ body });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const session = JSON.parse(await expectNoSecrets(response)) as CustomerSession;
    expect(session).toMatchObject({ object: 'customer_session', customer: customers.jenny, customer_account: null });
    expect(session.client_secret).toMatch(/^cuss_secret_/);
    expect(session.components.pricing_table.enabled).toBe(true);
    expect(session.components.payment_element.enabled).toBe(false);
    expect(ctx.emulator.requests.at(-1)?.params).toEqual({ customer: customers.jenny, components: { pricing_table: { enabled: 'true' } } });
  });

  it('a component outside the policy: 400 naming it, Stripe never called', async () => {
    const before = ctx.emulator.requests.length;
    const error = await expectRefusal(await call({ body: '{"components":["pricing_table","buy_button"]}' }), 400, before);
    expect(error.param).toBe('components');
    expect(error.message).toContain('buy_button');
  });

  it.each(['GET', 'PUT', 'DELETE'])('%s: 405 with Allow: POST', async (method) => {
    const before = ctx.emulator.requests.length;
    const response = await call({ method, body: method === 'GET' ? null : '{}' });
    expect(response.headers.get('allow')).toBe('POST');
    await expectRefusal(response, 405, before);
  });

  it.each([
    ['text/plain', '{"components":["pricing_table"]}'],
    ['application/x-www-form-urlencoded', 'components[]=pricing_table'],
    ['multipart/form-data; boundary=x', '--x--'],
  ])('non-JSON (%s): 415', async (contentType, body) => {
    const before = ctx.emulator.requests.length;
    await expectRefusal(await call({ body, headers: { 'Content-Type': contentType } }), 415, before);
  });

  it('an oversized body declared by Content-Length: 413', async () => {
    const before = ctx.emulator.requests.length;
    const body = JSON.stringify({ components: ['pricing_table'], padding: 'x'.repeat(4096) });
    await expectRefusal(await call({ body }), 413, before);
  });

  it('an oversized body streamed without Content-Length: 413 once the limit is passed', async () => {
    const before = ctx.emulator.requests.length;
    const { body } = chunkedBody(`{"components":["pricing_table"],"padding":"${'x'.repeat(1000)}`, 8);
    // A stream body goes out chunked: no Content-Length for the handler to trust.
    await expectRefusal(await call({ body, duplex: 'half' }), 413, before);
  });

  it("a Stripe error is passed on (type, code, param, message) without the secret key or Stripe's headers", async () => {
    const response = await call({}, 'ghost');
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    for (const header of ['request-id', 'stripe-version', 'idempotent-replayed', 'original-request', 'authorization']) {
      expect(response.headers.has(header)).toBe(false);
    }
    const { error } = JSON.parse(await expectNoSecrets(response, secretKey)) as StripeErrorBody;
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing', param: 'customer' });
    expect(error.message).toContain(customers.ghost);
    expect(Object.keys(error).sort()).toEqual(expect.arrayContaining(['code', 'message', 'param', 'type']));
    expect(Object.keys(error).every((key) => ['type', 'code', 'param', 'message', 'doc_url'].includes(key))).toBe(true);
  });

  it("Stripe refusing the server's own key becomes a 502 that shows neither the key nor its masked form", async () => {
    const response = await call({}, 'jenny', '/wrong-key');
    expect(response.status).toBe(502);
    const text = await expectNoSecrets(response, liveKey);
    expect(text).not.toContain('c0de');
    expect(response.headers.has('request-id')).toBe(false);
  });
});
