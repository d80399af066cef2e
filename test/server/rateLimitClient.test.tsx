import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { http } from 'msw';
import Stripe from 'stripe';
import { CustomerSessionProvider, PricingTable, useCustomerSession, type CustomerSessionState } from '../../src';
import { defineStripeWebComponentStandIns } from '../../src/testing';
import { createCustomerSessionHandler } from '../../src/server';
import { createEmulatorStripeClient, createStripeEmulator } from '../../src/testing';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';

// End to end in the browser's view: the client, through its public hook, meets the handler's 429s (its own
// rate limit, and Stripe's passed on)
// and waits exactly as long as Retry-After says before asking again.
const server = setupMswServer();
const clock = installFakeClock();
const url = '/api/customer-session';

function setup(stripeBusyTimes = 0, points = 2) {
  const emulator = createStripeEmulator();
  const customer = emulator.createCustomer().id;
  const emulated = createEmulatorStripeClient(emulator);
  let busy = stripeBusyTimes;
  // Stripe answering its own 429 (the official SDK's error, as it throws it) for the first calls.
  const stripe = {
    customerSessions: {
      create: (params: Parameters<typeof emulated.customerSessions.create>[0]) =>
        busy-- > 0
          ? Promise.reject(new Stripe.errors.StripeRateLimitError({ statusCode: 429, type: 'invalid_request_error', code: 'lock_timeout', message: 'The customer is locked by another request.', headers: {} }))
          : emulated.customerSessions.create(params),
    },
  };
  const handler = createCustomerSessionHandler({
    stripe,
    onError: () => {},
    resolveCustomer: () => customer,
    components: { pricing_table: { enabled: true } },
    rateLimit: { points, durationSeconds: 30 },
    // The per-customer limit and Stripe's own 429s; every test here runs at the same fake instant, which
    // would spend the process-wide Stripe budget (test/server/stripeBudget.test.ts has its own).
    stripeBudget: false,
  });
  const answers: { status: number; retryAfter: string | null }[] = [];
  server.use(
    http.post(url, async ({ request }) => {
      const response = await handler(request);
      answers.push({ status: response.status, retryAfter: response.headers.get('retry-after') });
      return response;
    }),
  );
  const spend = () =>
    handler(new Request(`http://shop.test${url}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }));
  return { answers, spend, sessionsCreated: () => emulator.requests.length };
}

function renderHook() {
  const states: CustomerSessionState[] = [];
  function Page() {
    states.push(useCustomerSession({ endpoint: url, components: ['pricing_table'] }));
    return null;
  }
  const queryClient = new QueryClient();
  render(
    <QueryClientProvider client={queryClient}>
      <Page />
    </QueryClientProvider>,
  );
  return { latest: () => states.at(-1) as CustomerSessionState };
}

describe('the client honours Retry-After from the handler’s 429s', () => {
  it('a customer over the limit: one 429, no request until Retry-After has passed, then the session', async () => {
    const { answers, spend, sessionsCreated } = setup();
    // Another tab (or a script with the same login) spent this customer's budget a moment ago.
    expect((await spend()).status).toBe(200);
    expect((await spend()).status).toBe(200);

    const page = renderHook();
    await flushUntil(() => answers.length === 1);
    expect(answers[0]).toEqual({ status: 429, retryAfter: '30' });

    await clock.advance(29_999);
    expect(answers).toHaveLength(1);
    expect(page.latest().status).toBe('pending');
    expect(page.latest().clientSecret).toBeNull();

    await clock.advance(1);
    await flushUntil(() => page.latest().status === 'ready');
    expect(answers.map((a) => a.status)).toEqual([429, 200]);
    expect(page.latest().clientSecret).toMatch(/^cuss_secret_/);
    expect(sessionsCreated()).toBe(3);
  });

  it("Stripe's own 429 (lock_timeout): the client waits the handler's Retry-After of 1 s, then gets the session", async () => {
    const { answers } = setup(1);
    const page = renderHook();
    await flushUntil(() => answers.length === 1);
    expect(answers[0]).toEqual({ status: 429, retryAfter: '1' });
    await clock.advance(999);
    expect(answers).toHaveLength(1);
    await clock.advance(1);
    await flushUntil(() => page.latest().status === 'ready');
    expect(answers.map((a) => a.status)).toEqual([429, 200]);
  });
});

describe('refused never means hidden', () => {
  const table = () => document.querySelector('stripe-pricing-table');
  const secretOf = () => table()?.getAttribute('customer-session-client-secret') ?? null;

  function renderTable() {
    defineStripeWebComponentStandIns();
    render(
      <CustomerSessionProvider endpoint={url} components={['pricing_table']} publishableKey="pk_test_busy" queryClient={new QueryClient()}>
        <PricingTable pricingTableId="prctbl_busy" loading="eager" fallback={<p>plans loading</p>} />
      </CustomerSessionProvider>,
    );
  }

  it('while a refused session waits out a 30 s Retry-After the table is shown for a guest, then switches to the customer', async () => {
    const { answers, spend } = setup();
    expect((await spend()).status).toBe(200);
    expect((await spend()).status).toBe(200);
    renderTable();
    await flushUntil(() => answers.length >= 1 && table() !== null);
    expect(answers.map((a) => a.status)).toContain(429);
    // Shown at once, without the customer: the shop still sells while the session is refused.
    expect(secretOf()).toBeNull();
    await clock.advance(29_000);
    expect(table()).not.toBeNull();
    expect(secretOf()).toBeNull();
    await clock.advance(1_000);
    await flushUntil(() => secretOf() !== null);
    expect(secretOf()).toMatch(/^cuss_secret_/);
  });

  it('a short wait (Stripe’s 1 s lock_timeout) keeps the fallback instead of flashing a guest table', async () => {
    const { answers } = setup(1, 10);
    renderTable();
    await flushUntil(() => answers.length >= 1);
    expect(answers[0]?.status).toBe(429);
    expect(table()).toBeNull();
    await clock.advance(1_000);
    await flushUntil(() => secretOf() !== null);
    expect(secretOf()).toMatch(/^cuss_secret_/);
  });
});
