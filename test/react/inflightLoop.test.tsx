import { render } from '@testing-library/react';
import { http } from 'msw';
import { CustomerSessionProvider } from '../../src/react/CustomerSessionProvider';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

// An answer that arrives after a drop is discarded and asked for again, never forever. Requests past
// `cap` are never answered, so a loop fails on the count instead of hanging the run.
const server = setupMswServer();
const clock = installFakeClock();
const cap = 40;
const notSignedIn = () => Response.json({ error: { type: 'invalid_request_error', message: 'Not signed in' } }, { status: 401 });

/** A checkout and a header provider, each on its own QueryClient, both asking at once; `refuse` picks the requests answered 401. */
async function twoClients(refuse: (body: string) => boolean) {
  const endpoint = createSessionEndpoint();
  let requests = 0;
  server.use(
    http.post(endpoint.url, async ({ request }) => {
      if (++requests > cap) return new Promise<Response>(() => {});
      return refuse(await request.clone().text()) ? notSignedIn() : undefined; // else: the real endpoint
    }),
    endpoint.handler,
  );
  const checkout = createSessionRecorder();
  const header = createSessionRecorder();
  render(
    <>
      <CustomerSessionProvider endpoint={endpoint.url} components={['payment_element']}>
        <checkout.ContextProbe />
      </CustomerSessionProvider>
      <CustomerSessionProvider endpoint={endpoint.url} components={['buy_button']}>
        <header.ContextProbe />
      </CustomerSessionProvider>
    </>,
  );
  await flushUntil(() => requests >= 2);
  await clock.advance(60 * 60_000);
  return { checkout: checkout.latest(), header: header.latest(), requests };
}

it('an endpoint answering 401 for good, two providers on two clients asking at once: one request each in an hour', async () => {
  const { checkout, header, requests } = await twoClients(() => true);
  expect(requests).toBe(2);
  expect([checkout.clientSecret, header.clientSecret]).toEqual([null, null]);
});

it("one provider's requests answered 401 for good, the other's not: a bounded number of requests in an hour, the other still shown", async () => {
  const { checkout, header, requests } = await twoClients((body) => body.includes('buy_button'));
  // Each 401 drops the other's session (a sign-out everywhere), which is asked for again; then only its refreshes.
  expect(requests).toBeLessThan(10);
  expect(header.clientSecret).toBeNull();
  expect(checkout.status).toBe('ready');
  expect(checkout.clientSecret).toMatch(/^cuss_secret_/);
});
