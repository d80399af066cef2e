import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import { toNodeListener } from '../../src/node';
import { createCustomerSessionHandler, type CustomerSessionHandlerOptions } from '../../src/server';
import type { StripeErrorBody } from '../../src/server';
import { createStripeEmulator, type ListeningEmulator, type StripeEmulator } from '../../src/testing';
import { captureConsole } from '../helpers/captureConsole';
import { rawRequest } from '../helpers/rawHttp';
import { startSdkServer } from './sdkServer';

// Issue 18, items 7, 8 and 12: the body, the JSON and the Stripe call each have a bound. Stripe is the
// emulator behind a socket, reached through the official SDK; `stall` makes it hold its answer.
let server: ListeningEmulator;
let emulator: StripeEmulator;
let stripe: Stripe;
let customer: string;
let stall = false;
let sessionCalls = 0;

beforeAll(async () => {
  emulator = createStripeEmulator();
  const wrapped: StripeEmulator = Object.create(emulator, {
    handle: {
      value: (request: Request) => {
        if (!request.url.endsWith('/v1/customer_sessions')) return emulator.handle(request);
        sessionCalls += 1;
        return stall ? new Promise<Response>(() => {}) : emulator.handle(request);
      },
    },
  });
  ({ server, stripe } = await startSdkServer(wrapped));
  customer = emulator.createCustomer().id;
});
beforeEach(() => {
  stall = false;
  sessionCalls = 0;
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

function handlerWith(options: Partial<CustomerSessionHandlerOptions> = {}) {
  return createCustomerSessionHandler({
    stripe,
    resolveCustomer: () => customer,
    components: { pricing_table: { enabled: true } },
    rateLimit: false,
    stripeBudget: false, // the Stripe call's bounds, not the budgets (test/server/stripeBudget.test.ts)
    ...options,
  });
}

function post(body: BodyInit, init: RequestInit & { duplex?: 'half' } = {}): Request {
  return new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, ...init });
}

async function errorOf(response: Response): Promise<StripeErrorBody['error']> {
  return ((await response.json()) as StripeErrorBody).error;
}

describe('deeply nested JSON', () => {
  it.each([
    ['as a component name', `{"components":[${'['.repeat(8000)}${']'.repeat(8000)}]}`],
    ['in a member the handler ignores', `{"note":${'['.repeat(8000)}${']'.repeat(8000)}}`],
    ['unclosed, 8 KB of [', '['.repeat(8192)],
  ])('is a 400 naming the nesting, %s, with nothing logged and no Stripe call', async (_label, body) => {
    const log = captureConsole();
    const response = await handlerWith()(post(body));
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await errorOf(response)).toEqual({ type: 'invalid_request_error', message: 'The request body nests JSON more than 32 levels deep.' });
    expect(log.calls).toEqual([]);
    expect(sessionCalls).toBe(0);
  });

  it('32 levels, brackets inside strings not counted, still get through', async () => {
    const inner = `${'['.repeat(30)}"[[[[{{{{"${']'.repeat(30)}`;
    const response = await handlerWith()(post(`{"note":${inner},"components":["pricing_table"]}`));
    expect(response.status).toBe(200);
  });
});

describe('the body read deadline (bodyTimeoutMs)', () => {
  it('answers 408 invalid_request_error with no-store 10 s after reading began, by default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const never = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"comp')) });
    let settled: Response | undefined;
    void handlerWith()(post(never, { duplex: 'half' })).then((response) => (settled = response));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled?.status).toBe(408);
    expect(settled?.headers.get('cache-control')).toBe('no-store');
    expect(await errorOf(settled!)).toEqual({ type: 'invalid_request_error', message: 'The request body did not arrive within 10000 ms.' });
    expect(sessionCalls).toBe(0);
  });

  it('is checked at creation', () => {
    expect(() => handlerWith({ bodyTimeoutMs: 0 })).toThrow(/bodyTimeoutMs must be a positive integer, got 0/);
  });
});

describe('the Stripe call is bounded', () => {
  it("passes the SDK a per-request timeout below the client's 30 s (20 s by default, stripeTimeoutMs otherwise)", async () => {
    const create = vi.spyOn(stripe.customerSessions, 'create');
    expect((await handlerWith()(post('{}'))).status).toBe(200);
    expect(await handlerWith({ stripeTimeoutMs: 5000 })(post('{}')).then((r) => r.status)).toBe(200);
    expect(create.mock.calls.map((call) => call[1])).toEqual([{ timeout: 20_000 }, { timeout: 5000 }]);
  });

  it('answers 504 api_connection_error when Stripe does not answer within stripeTimeoutMs, and reports it', async () => {
    stall = true;
    const onError = vi.fn();
    const started = performance.now();
    const response = await handlerWith({ stripeTimeoutMs: 300, onError })(post('{}'));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(response.status).toBe(504);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await errorOf(response)).type).toBe('api_connection_error');
    expect(onError).toHaveBeenCalledOnce();
  });

  it('bounds a batch as a whole: one 504 for twelve stalled sessions', async () => {
    stall = true;
    const batch = JSON.stringify({ sessions: Array.from({ length: 12 }, () => ['pricing_table']) });
    const response = await handlerWith({ stripeTimeoutMs: 200, onError: () => {} })(post(batch));
    expect(response.status).toBe(504);
    expect(sessionCalls).toBe(12);
  });

  it('makes no Stripe call for a browser that left while it was being authenticated', async () => {
    const browser = new AbortController();
    const onError = vi.fn();
    const handler = handlerWith({
      onError,
      resolveCustomer: () => {
        browser.abort();
        return customer;
      },
    });
    await handler(post('{}', { signal: browser.signal }));
    expect(sessionCalls).toBe(0);
    expect(onError).not.toHaveBeenCalled();
  });

  it('stops waiting for Stripe the moment the browser leaves, reporting nothing', async () => {
    stall = true;
    const browser = new AbortController();
    const onError = vi.fn();
    const answered = handlerWith({ onError })(post('{}', { signal: browser.signal }));
    await vi.waitFor(() => expect(sessionCalls).toBe(1));
    browser.abort();
    const response = await answered; // today: waits for the SDK's 80 s default
    expect(response.status).toBe(499);
    expect(onError).not.toHaveBeenCalled();
  });

  it('through toNodeListener, a closed connection ends the wait (the bridge aborts request.signal)', async () => {
    stall = true;
    const onError = vi.fn();
    const handler = handlerWith({ onError });
    const statuses: number[] = [];
    const server = createServer(toNodeListener(async (request) => {
      const response = await handler(request);
      statuses.push(response.status);
      return response;
    }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const exchange = rawRequest((server.address() as AddressInfo).port, 'POST / HTTP/1.1\r\nHost: shop.test\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}');
      await vi.waitFor(() => expect(sessionCalls).toBe(1));
      exchange.socket.destroy();
      await vi.waitFor(() => expect(statuses).toEqual([499]));
      expect(onError).not.toHaveBeenCalled();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('customer ids are trimmed', () => {
  it("' cus_1 ' and 'cus_1' are one customer to Stripe and to the rate limit", async () => {
    const ids = [customer, ` ${customer}`, `${customer}\n`];
    const handler = handlerWith({ resolveCustomer: () => ids.shift(), rateLimit: { points: 2, durationSeconds: 3571 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await handler(post('{}'))).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(emulator.requests.filter((r) => r.path === '/v1/customer_sessions').map((r) => r.params.customer).slice(-2)).toEqual([customer, customer]);
  });
});
