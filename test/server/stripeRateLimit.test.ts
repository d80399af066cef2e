import type Stripe from 'stripe';
import { createCustomerSessionHandler } from '../../src/server';
import type { StripeErrorBody } from '../../src/server';
import { createStripeEmulator, type ListeningEmulator, type StripeEmulator } from '../../src/testing';
import { startSdkServer } from './sdkServer';

// Stripe's own 429s, as its API sends them, through the official SDK over a socket: the handler passes
// them on as 429 with a Retry-After the client honours.
let busy: { status: number; body: StripeErrorBody; headers?: Record<string, string> } | null = null;
let server: ListeningEmulator;
let stripe: Stripe;
let customer: string;

beforeAll(async () => {
  const emulator = createStripeEmulator();
  const wrapped: StripeEmulator = Object.create(emulator, {
    handle: {
      value: (request: Request) =>
        busy === null || !request.url.endsWith('/v1/customer_sessions')
          ? emulator.handle(request)
          : Promise.resolve(Response.json(busy.body, { status: busy.status, headers: { 'Stripe-Should-Retry': 'false', ...busy.headers } })),
    },
  });
  ({ server, stripe } = await startSdkServer(wrapped));
  customer = emulator.createCustomer().id;
});
afterEach(() => {
  busy = null;
});
afterAll(() => server.close());

async function ask(): Promise<{ response: Response; error: StripeErrorBody['error'] }> {
  const handler = createCustomerSessionHandler({ stripe, components: { pricing_table: { enabled: true } }, resolveCustomer: () => customer, rateLimit: false, stripeBudget: false, onError: () => {} });
  const response = await handler(
    new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
  );
  return { response, error: ((await response.json()) as StripeErrorBody).error };
}

describe("Stripe's own 429 reaches the browser as 429 with Retry-After", () => {
  it('rate_limit: 429, Retry-After 1 when Stripe gives none, its type, code and message kept', async () => {
    busy = { status: 429, body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Request rate limit exceeded.' } } };
    const { response, error } = await ask();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'rate_limit', message: 'Request rate limit exceeded.' });
  });

  it('rate_limit_error type: 429 too', async () => {
    busy = { status: 429, body: { error: { type: 'rate_limit_error', message: 'Too many requests hit the API too quickly.' } } };
    const { response, error } = await ask();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(error.type).toBe('rate_limit_error');
  });

  it('lock_timeout: 429 with Retry-After', async () => {
    busy = { status: 429, body: { error: { type: 'invalid_request_error', code: 'lock_timeout', message: 'This object cannot be accessed right now because another API request or Stripe process is currently accessing it.' } } };
    const { response, error } = await ask();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(error.code).toBe('lock_timeout');
  });

  it("Stripe's own Retry-After is passed on when it gives one", async () => {
    busy = { status: 429, body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Slow down.' } }, headers: { 'Retry-After': '3' } };
    expect((await ask()).response.headers.get('retry-after')).toBe('3');
  });

  it.each([
    ['3600', '3600'],
    ['61', '61'],
    ['86400', '3600'],
    ['0', '1'],
    ['soon', '1'],
  ])('Retry-After %s from Stripe reaches the browser as %s: passed on up to an hour, never cut to under a minute', async (sent, passed) => {
    busy = { status: 429, body: { error: { type: 'rate_limit_error', message: 'Slow down.' } }, headers: { 'Retry-After': sent } };
    expect((await ask()).response.headers.get('retry-after')).toBe(passed);
  });

  it('an HTTP-date Retry-After becomes the seconds until then', async () => {
    const inTenMinutes = new Date(Date.now() + 600_000).toUTCString();
    busy = { status: 429, body: { error: { type: 'rate_limit_error', message: 'Slow down.' } }, headers: { 'Retry-After': inTenMinutes } };
    const seconds = Number((await ask()).response.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(590);
    expect(seconds).toBeLessThanOrEqual(600);
  });

  it('a rate_limit code on a 400 (the SDK treats it as a rate limit too) becomes a 429', async () => {
    busy = { status: 400, body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Slow down.' } } };
    const { response } = await ask();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
  });

  it('other Stripe errors carry no Retry-After', async () => {
    busy = { status: 400, body: { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'customer', message: 'No such customer' } } };
    const { response } = await ask();
    expect(response.status).toBe(400);
    expect(response.headers.get('retry-after')).toBeNull();
  });
});
