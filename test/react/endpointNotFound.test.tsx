import { renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { useCustomerSession } from '../../src/index';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';

// The commonest first mistake: `endpoint` names no route of the app (a typo, a route not deployed, a
// GET-only route). The development message says which URL answered and what to check, not just
// "HTTP 404".
const server = setupMswServer();
installFakeClock();

async function errorFrom(url: string, respond: () => Response) {
  server.use(http.post(url.split('?')[0]!, respond));
  const { result } = renderHook(() => useCustomerSession({ endpoint: url, components: ['payment_element'] }));
  await flushUntil(() => result.current.status === 'error');
  return result.current.error!;
}

describe("an endpoint that is not the app's session route", () => {
  it('404 with a framework page: the message names the URL and says to check `endpoint`', async () => {
    const error = await errorFrom('/api/customer-sesion', () => new HttpResponse('<!doctype html><h1>404</h1>', { status: 404, headers: { 'Content-Type': 'text/html' } }));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/POST \/api\/customer-sesion/);
    expect(error.message).toMatch(/`endpoint`/);
    expect(error.message).toMatch(/createCustomerSessionHandler/);
  });

  it('405 from a route that does not take POST: the message says the route must accept POST', async () => {
    const error = await errorFrom('/api/get-only', () => new HttpResponse(null, { status: 405, headers: { Allow: 'GET' } }));
    expect(error.status).toBe(405);
    expect(error.message).toMatch(/POST \/api\/get-only/);
    expect(error.message).toMatch(/POST/);
    expect(error.message).toMatch(/createCustomerSessionHandler/);
  });

  it('never puts the query string in the message (it may carry a token)', async () => {
    const error = await errorFrom('/api/nowhere?token=abc123', () => new HttpResponse(null, { status: 404 }));
    expect(error.message).toMatch(/POST \/api\/nowhere\b/);
    expect(error.message).not.toMatch(/abc123/);
  });

  it("keeps the handler's own Stripe error message when the route answered one", async () => {
    const error = await errorFrom('/api/session-route', () =>
      HttpResponse.json({ error: { type: 'invalid_request_error', message: 'GET is not allowed here; use POST.' } }, { status: 405 }),
    );
    expect(error.message).toMatch(/GET is not allowed here; use POST\./);
    expect(error.stripeError?.message).toBe('GET is not allowed here; use POST.');
  });
});

// The next commonest: an endpoint of the app's own, written before this package, that answers a field
// of the session (`{ customerSessionClientSecret }`, as Stripe's Elements guides return it alongside a
// PaymentIntent's) rather than the session itself.
describe('an endpoint that answers something other than the Customer Session object', () => {
  it.each([
    ['only the secret, under its Elements option name', { customerSessionClientSecret: 'cuss_secret_abc' }],
    ['the secret inside a wrapper', { customerSession: { client_secret: 'cuss_secret_abc', expires_at: 2_000_000_000 } }],
  ])('%s: the message says to answer the session object as Stripe returns it', async (_label, body) => {
    const error = await errorFrom('/api/own-route', () => HttpResponse.json(body));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toMatch(/`object`/);
    expect(error.message).toMatch(/stripe\.customerSessions\.create/);
    expect(error.message).toMatch(/createCustomerSessionHandler/);
    expect(error.message).not.toMatch(/cuss_secret_abc/);
  });
});
