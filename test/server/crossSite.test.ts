import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener } from '../../src/node';
import { createCustomerSessionHandler, type CustomerSessionHandlerOptions } from '../../src/server';
import type { StripeErrorBody } from '../../src/server';
import { startSdkServer } from './sdkServer';

// Issue 18, item 9: a page of another site, riding on the customer's cookie, gets nothing; refused
// before resolveCustomer, so not even who is signed in is looked up.
let ctx: Awaited<ReturnType<typeof startSdkServer>>;
let customer: string;
let resolved = 0;
const servers: Server[] = [];

beforeAll(async () => {
  ctx = await startSdkServer();
  customer = ctx.emulator.createCustomer().id;
});
beforeEach(() => {
  resolved = 0;
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await ctx.server.close();
});

function handlerWith(options: Partial<CustomerSessionHandlerOptions> = {}) {
  return createCustomerSessionHandler({
    stripe: ctx.stripe,
    resolveCustomer: (request) => {
      resolved += 1;
      return request.headers.get('cookie') === 'sid=alice' ? customer : null;
    },
    components: { pricing_table: { enabled: true } },
    rateLimit: false,
    stripeBudget: false, // more than ten sessions a second here; the budget is not what this file tests
    ...options,
  });
}

function post(headers: Record<string, string>, url = 'https://shop.test/api/customer-session'): Request {
  return new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: 'sid=alice', ...headers }, body: '{}' });
}

async function expectRefused(response: Response): Promise<string> {
  expect(response.status).toBe(403);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const { error } = (await response.json()) as StripeErrorBody;
  expect(error.type).toBe('invalid_request_error');
  expect(resolved).toBe(0);
  return error.message;
}

describe('cross-site requests are refused by default', () => {
  it("the review's probe: Origin https://evil.example with Sec-Fetch-Site: cross-site gets 403, no session", async () => {
    const stripeCalls = ctx.emulator.requests.length;
    const message = await expectRefused(await handlerWith()(post({ Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' })));
    expect(message).toMatch(/cross-site/i);
    expect(ctx.emulator.requests.length).toBe(stripeCalls);
  });

  it.each([
    ['another host, no Sec-Fetch-Site (an older browser)', { Origin: 'https://evil.example' }],
    ['a sibling subdomain', { Origin: 'https://evil.shop.test', 'Sec-Fetch-Site': 'same-site' }],
    ['same host, another port', { Origin: 'https://shop.test:8443' }],
    ['Origin: null (a sandboxed frame)', { Origin: 'null' }],
    ['Sec-Fetch-Site: cross-site alone', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site alone', { 'Sec-Fetch-Site': 'same-site' }],
  ])('refuses %s', async (_label, headers) => {
    await expectRefused(await handlerWith()(post(headers)));
  });

  it.each([
    ['a same-origin page', { Origin: 'https://shop.test', 'Sec-Fetch-Site': 'same-origin' }],
    ['a same-origin page of an older browser', { Origin: 'https://shop.test' }],
    ['TLS ended at a proxy: the scheme differs, the host does not', { Origin: 'https://shop.test', 'Sec-Fetch-Site': 'same-origin' }, 'http://shop.test/api/customer-session'],
    ['a typed address (Sec-Fetch-Site: none)', { 'Sec-Fetch-Site': 'none' }],
    ['a server-to-server call with neither header', {}],
  ])('admits %s', async (_label, headers, url?: string) => {
    expect((await handlerWith()(post(headers, url))).status).toBe(200);
    expect(resolved).toBe(1);
  });

  it.each([
    ['the request addressed with the default port written out (shop.test:443)', {}, 'http://shop.test:443/api/customer-session'],
    ['a trusted proxy naming the default port in X-Forwarded-Host ($host:$server_port)', { 'X-Forwarded-Host': 'shop.test:443' }, 'http://10.0.0.7:3000/api/customer-session'],
  ])('admits an https page of this host: %s', async (_label, headers, url) => {
    const handler = handlerWith({ trustProxy: true });
    expect((await handler(post({ Origin: 'https://shop.test', 'Sec-Fetch-Site': 'same-origin', ...headers }, url))).status).toBe(200);
    // The port still counts where it is not the default one.
    resolved = 0;
    await expectRefused(await handler(post({ Origin: 'https://shop.test:8443', ...headers }, url)));
  });

  it('allowedOrigins admits the origins it lists, and only those', async () => {
    const handler = handlerWith({ allowedOrigins: ['https://app.shop.test', 'http://localhost:5173/'] });
    expect((await handler(post({ Origin: 'https://app.shop.test', 'Sec-Fetch-Site': 'same-site' }))).status).toBe(200);
    expect((await handler(post({ Origin: 'http://localhost:5173', 'Sec-Fetch-Site': 'cross-site' }))).status).toBe(200);
    resolved = 0;
    await expectRefused(await handler(post({ Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' })));
    await expectRefused(await handler(post({ Origin: 'http://app.shop.test:5173', 'Sec-Fetch-Site': 'cross-site' })));
  });

  it.each([
    [['https://shop.test/checkout'], /allowedOrigins\[0\] must be an origin/],
    [['shop.test'], /allowedOrigins\[0\] must be an origin/],
    [['https://a.test', 42], /allowedOrigins\[1\] must be an origin/],
    ['https://shop.test', /allowedOrigins must be an array/],
  ])('refuses allowedOrigins %j at creation', (allowedOrigins, message) => {
    expect(() => handlerWith({ allowedOrigins: allowedOrigins as string[] })).toThrow(message);
  });

  it('answers 405 to other methods before judging the origin', async () => {
    const response = await handlerWith()(new Request('https://shop.test/x', { headers: { Origin: 'https://evil.example' } }));
    expect(response.status).toBe(405);
  });
});

describe('behind a proxy, through toNodeListener', () => {
  async function serve(options: Partial<CustomerSessionHandlerOptions> = {}): Promise<string> {
    const server = createServer(toNodeListener(handlerWith(options)));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/customer-session`;
  }
  const send = (url: string, headers: Record<string, string>) =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: 'sid=alice', ...headers }, body: '{}' });

  it("judges Origin by the request's own Host", async () => {
    const url = await serve();
    const host = new URL(url).host;
    expect((await send(url, { Origin: `http://${host}`, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await send(url, { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });

  it('counts X-Forwarded-Host only with trustProxy', async () => {
    const headers = { Origin: 'https://shop.test', 'Sec-Fetch-Site': 'same-origin', 'X-Forwarded-Host': 'shop.test' };
    expect((await send(await serve(), headers)).status).toBe(403);
    expect((await send(await serve({ trustProxy: true }), headers)).status).toBe(200);
    // A forged X-Forwarded-Host cannot make another site's page pass without trustProxy.
    expect((await send(await serve(), { ...headers, Origin: 'https://evil.example', 'X-Forwarded-Host': 'evil.example' })).status).toBe(403);
  });

  it("takes the listener's trustProxy into the request URL when a body parser ran first (Express), as without one", async () => {
    // What express.json() does: the stream is read, the parsed value left on req.body.
    const listener = toNodeListener(handlerWith(), { trustProxy: true });
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
        listener(req, res);
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/customer-session`;
    const proxied = { 'X-Forwarded-Host': 'shop.test', 'X-Forwarded-Proto': 'https' };
    expect((await send(url, { Origin: 'https://shop.test', 'Sec-Fetch-Site': 'same-origin', ...proxied })).status).toBe(200);
    expect((await send(url, { Origin: 'https://evil.example', ...proxied })).status).toBe(403);
  });
});
