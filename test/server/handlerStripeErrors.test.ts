import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { createCustomerSessionHandler } from '../../src/server';
import type { CustomerSessionStripeClient } from '../../src/server';
import { expectNoSecrets, secretKey, startSdkServer } from './sdkServer';

let ctx: Awaited<ReturnType<typeof startSdkServer>>;

beforeAll(async () => {
  ctx = await startSdkServer();
});
afterAll(() => ctx.server.close());

function post(): Request {
  return new Request('http://shop.test/api/customer-session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secretKey}`, Cookie: 'sid=1' },
    body: '{"components":["pricing_table"]}',
  });
}

function handlerWith(stripe: CustomerSessionStripeClient, customer: string, onError = vi.fn()) {
  return createCustomerSessionHandler({
    stripe,
    resolveCustomer: () => customer,
    components: { pricing_table: { enabled: true } },
    onError,
  });
}

async function freePortThenClose(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('createCustomerSessionHandler passes Stripe errors on, without secrets', () => {
  it('passes on resource_missing for an unknown customer with its status, type, code and param', async () => {
    const onError = vi.fn();
    const response = await handlerWith(ctx.stripe, 'cus_doesNotExist', onError)(post());
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await expectNoSecrets(response);
    const { error } = JSON.parse(text) as { error: Record<string, unknown> };
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing', param: 'customer' });
    expect(error.message).toContain('cus_doesNotExist');
    expect(Object.keys(error).sort()).toEqual(expect.arrayContaining(['code', 'message', 'param', 'type']));
    expect(error).not.toHaveProperty('raw');
    expect(error).not.toHaveProperty('headers');
    expect(error).not.toHaveProperty('stack');
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });

  it('answers 502 when Stripe cannot be reached, without secrets', async () => {
    const port = await freePortThenClose();
    const offline = new Stripe(secretKey, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 });
    const onError = vi.fn();
    const response = await handlerWith(offline, 'cus_any', onError)(post());
    expect(response.status).toBe(502);
    const { error } = JSON.parse(await expectNoSecrets(response)) as { error: Record<string, unknown> };
    expect(error.type).toBe('api_connection_error');
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(Stripe.errors.StripeConnectionError);
  });

  it('answers 502 when Stripe rejects the server key, showing neither the key nor its masked form', async () => {
    const liveKey = 'sk_live_51ServerHandlerWrongModeKey77aa';
    const customer = ctx.emulator.createCustomer().id;
    const response = await handlerWith(ctx.sdk(liveKey), customer)(post());
    expect(response.status).toBe(502);
    const text = await expectNoSecrets(response, liveKey);
    expect(text).not.toContain('77aa');
  });

  it('passes on the same error through the in-process emulator client', async () => {
    const { createEmulatorStripeClient } = await import('../../src/testing');
    const client = createEmulatorStripeClient(ctx.emulator, { apiKey: secretKey });
    const response = await handlerWith(client, 'cus_doesNotExist')(post());
    expect(response.status).toBe(400);
    const { error } = JSON.parse(await expectNoSecrets(response)) as { error: Record<string, unknown> };
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing', param: 'customer' });
  });
});
