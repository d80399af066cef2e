import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener } from '../../src/node';
import { createCustomerSessionHandler } from '../../src/server';
import type { CustomerSession } from '../../src/core/types';
import { chunkedBody } from '../helpers/chunkedBody';
import { startSdkServer } from '../server/sdkServer';

type Middleware = (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: () => void) => void;

let ctx: Awaited<ReturnType<typeof startSdkServer>>;
let listener: ReturnType<typeof toNodeListener>;
let customer: string;
const servers: Array<{ close(): void; closeAllConnections(): void }> = [];

beforeAll(async () => {
  ctx = await startSdkServer();
  customer = ctx.emulator.createCustomer().id;
  listener = toNodeListener(
    createCustomerSessionHandler({
      stripe: ctx.stripe,
      resolveCustomer: (request) => (request.headers.get('x-user') === 'alice' ? customer : null),
      components: { payment_element: { enabled: true }, pricing_table: { enabled: true } },
      maxBodyBytes: 2048,
    }),
  );
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await ctx.server.close();
});

/** A real node:http server; `before` plays the part of middleware mounted ahead of the route. */
async function serve(before?: Middleware): Promise<string> {
  const server = createServer((req, res) => (before ? before(req, res, () => listener(req, res)) : listener(req, res)));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/customer-session`;
}

type Init = Omit<RequestInit, 'headers'> & { headers?: Record<string, string>; duplex?: 'half' };

function send(url: string, init: Init = {}) {
  return fetch(url, {
    method: 'POST',
    ...init,
    headers: { 'Content-Type': 'application/json', 'X-User': 'alice', ...init.headers },
  });
}

// What express.json() does: consume the stream, leave the parsed value on req.body.
const jsonBodyParser: Middleware = (req, _res, next) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    req.body = text === '' ? {} : JSON.parse(text);
    next();
  });
};

describe('toNodeListener on a real node:http server', () => {
  it('serves a narrowed session with the handler headers', async () => {
    const response = await send(await serve(), { body: '{"components":["pricing_table"],"customer":"cus_other"}' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/json');
    const session = (await response.json()) as CustomerSession;
    expect(session.customer).toBe(customer);
    expect(session.components.pricing_table.enabled).toBe(true);
    expect(session.components.payment_element.enabled).toBe(false);
  });

  it('answers 401, 405 with Allow and 415 like the Fetch handler', async () => {
    const url = await serve();
    expect((await send(url, { body: '{}', headers: { 'X-User': 'nobody' } })).status).toBe(401);
    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await send(url, { body: 'components=pricing_table', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
  });

  it('answers 413 for a body over the limit, announced or streamed in chunks', async () => {
    const url = await serve();
    const announced = await send(url, { body: JSON.stringify({ components: [], pad: 'x'.repeat(4000) }) });
    expect(announced.status).toBe(413);

    const { body } = chunkedBody(' '.repeat(1000), 3);
    const streamed = await send(url, { body, duplex: 'half' });
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });

  it('uses req.body when a JSON body parser already consumed the stream (Express)', async () => {
    const url = await serve(jsonBodyParser);
    const response = await send(url, { body: '{"components":["payment_element"],"customer":"cus_other"}' });
    expect(response.status).toBe(200);
    const session = (await response.json()) as CustomerSession;
    expect(session.customer).toBe(customer);
    expect(session.components.payment_element.enabled).toBe(true);
    expect(session.components.pricing_table.enabled).toBe(false);
  });

  it('still refuses a parsed body naming a component outside the policy', async () => {
    const url = await serve(jsonBodyParser);
    const response = await send(url, { body: '{"components":["buy_button"]}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { param: string } }).error.param).toBe('components');
  });

  it('answers instead of hanging when the stream was consumed and no req.body was left', async () => {
    const url = await serve((req, _res, next) => {
      req.resume();
      req.on('end', next);
    });
    const response = await send(url, { body: '{"components":["pricing_table"]}' });
    // The narrowing is lost with the body; the policy still bounds what is granted.
    expect(response.status).toBe(200);
  });
});
