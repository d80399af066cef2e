import { createCustomerSessionHandler } from '../../src/server';
import { chunkedBody } from '../helpers/chunkedBody';
import { startSdkServer } from './sdkServer';

let ctx: Awaited<ReturnType<typeof startSdkServer>>;
let handler: (request: Request) => Promise<Response>;
let signedIn: boolean;

beforeAll(async () => {
  ctx = await startSdkServer();
  const customer = ctx.emulator.createCustomer().id;
  handler = createCustomerSessionHandler({
    stripe: ctx.stripe,
    resolveCustomer: () => (signedIn ? { customer } : null),
    components: { payment_element: { enabled: true }, pricing_table: { enabled: true } },
    maxBodyBytes: 1024,
  });
});
beforeEach(() => {
  signedIn = true;
});
afterAll(() => ctx.server.close());

type Init = Omit<RequestInit, 'headers'> & { headers?: Record<string, string>; duplex?: 'half' };

function request(init: Init = {}): Request {
  return new Request('http://shop.test/api/customer-session', {
    method: 'POST',
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

/** Sends the request and checks the common shape of every refusal; Stripe must not have been called. */
async function refusal(req: Request, status: number) {
  const before = ctx.emulator.requests.length;
  const response = await handler(req);
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = (await response.json()) as { error: { type: string; param?: string; message: string } };
  expect(body.error.type).toBe('invalid_request_error');
  expect(body.error.message).toEqual(expect.any(String));
  expect(ctx.emulator.requests.length).toBe(before);
  return { response, error: body.error };
}

describe('createCustomerSessionHandler refuses before calling Stripe', () => {
  it('answers 401 when resolveCustomer finds nobody', async () => {
    signedIn = false;
    const { error } = await refusal(request({ body: '{"components":["pricing_table"]}' }), 401);
    expect(error.param).toBeUndefined();
  });

  it('answers 401 before looking at the body, so anonymous callers learn nothing of the policy', async () => {
    signedIn = false;
    await refusal(request({ body: '{"components":["customer_sheet"]}' }), 401);
  });

  it('answers 400 naming a component outside the policy', async () => {
    const { error } = await refusal(request({ body: '{"components":["payment_element","customer_sheet"]}' }), 400);
    expect(error.param).toBe('components');
    expect(error.message).toContain('customer_sheet');
    expect(error.message).toMatch(/does not enable customer_sheet\./);
  });

  it.each([
    ['an unknown component name', '{"components":["checkout"]}', 'components'],
    ['components as a string', '{"components":"payment_element"}', 'components'],
    ['components as an object with features', '{"components":{"payment_element":{"enabled":true}}}', 'components'],
    ['a number in the list', '{"components":[1]}', 'components'],
  ])('answers 400 with the param named for %s', async (_label, body, param) => {
    expect((await refusal(request({ body }), 400)).error.param).toBe(param);
  });

  it.each([
    ['malformed JSON', '{"components": [pricing_table]}'],
    ['a JSON array', '["pricing_table"]'],
    ['a JSON string', '"pricing_table"'],
  ])('answers 400 for %s', async (_label, body) => {
    await refusal(request({ body }), 400);
  });

  it('answers 400 for a body that is not UTF-8', async () => {
    await refusal(request({ body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }), 400);
  });

  it.each(['GET', 'PUT', 'DELETE', 'HEAD'])('answers %s with 405 and Allow: POST', async (method) => {
    const response = await handler(new Request('http://shop.test/api/customer-session', { method }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 405 even when nobody is signed in', async () => {
    signedIn = false;
    expect((await handler(new Request('http://shop.test/x'))).status).toBe(405);
  });

  it.each([
    ['text/plain', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['json-looking text', 'text/json'],
  ])('answers 415 for %s', async (_label, contentType) => {
    await refusal(request({ body: '{}', headers: { 'Content-Type': contentType } }), 415);
  });

  it('answers 415 when the Content-Type is missing', async () => {
    await refusal(new Request('http://shop.test/x', { method: 'POST', body: new Uint8Array([0x7b, 0x7d]) }), 415);
  });

  it('answers 413 when Content-Length announces too much, without reading the body', async () => {
    const { body, pulls } = chunkedBody(' '.repeat(300));
    const req = request({ body, headers: { 'Content-Length': '5000' }, duplex: 'half' });
    await refusal(req, 413);
    expect(pulls()).toBeLessThanOrEqual(1); // primed once at most, never read: reading would need 4 chunks
  });

  it('answers 413 when the streamed body outgrows the limit with no Content-Length', async () => {
    const { body, pulls } = chunkedBody(' '.repeat(300));
    await refusal(request({ body, duplex: 'half' }), 413);
    // 1024 bytes are passed after four 300-byte chunks; reading stops there, the endless stream is dropped.
    expect(pulls()).toBeLessThan(10);
  });

  it('accepts a body exactly at the limit', async () => {
    const json = JSON.stringify({ components: ['pricing_table'] });
    const body = json + ' '.repeat(1024 - json.length);
    const response = await handler(request({ body }));
    expect(response.status).toBe(200);
  });
});
