import { createCustomerSessionHandler, maxSessionsPerRequest } from '../../src/server';
import { installFakeDate } from '../helpers/fakeDate';
import type { ComponentName, CustomerSessionBatchResponse } from '../../src/server';
import { createEmulatorStripeClient, createStripeEmulator } from '../../src/testing';

// The default per-customer limit, sized by issue 17's storefront: one Payment Element, one pricing
// table and 24 buy buttons (6 in view), loaded ten times a minute and scrolled to the end each time.
// Each element renders its own session, plus the provider's shared state session: 27 per page view.
const policy = { payment_element: { enabled: true }, pricing_table: { enabled: true }, buy_button: { enabled: true } };
const emulator = createStripeEmulator();
const stripe = createEmulatorStripeClient(emulator);
const sessionsFor = (customer: string) => emulator.requests.filter((r) => r.path === '/v1/customer_sessions' && r.params.customer === customer).length;

function post(sessions: ComponentName[][]): Request {
  return new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sessions }) });
}
const buyButtons = (count: number): ComponentName[][] => Array.from({ length: count }, () => ['buy_button']);
// The first commit: the state session, the Payment Element, the pricing table and the 6 buy buttons in view.
const firstBatch: ComponentName[][] = [['payment_element', 'pricing_table', 'buy_button'], ['payment_element'], ['pricing_table'], ...buyButtons(6)];

/** One page view at `at` (ms): the first batch, then three scroll batches of 6 buy buttons, a second apart. */
async function pageView(handler: (request: Request) => Promise<Response>, at: number): Promise<number[]> {
  const statuses: number[] = [];
  for (const [i, batch] of [firstBatch, buyButtons(6), buyButtons(6), buyButtons(6)].entries()) {
    vi.setSystemTime(at + i * 1000);
    const response = await handler(post(batch));
    if (response.status === 200) expect(((await response.json()) as CustomerSessionBatchResponse).sessions).toHaveLength(batch.length);
    statuses.push(response.status);
  }
  return statuses;
}

const start = Date.UTC(2026, 11, 2, 9, 0, 0);
installFakeDate(start);

describe('the default rate limit never refuses honest browsing (issue 17 storefront)', () => {
  it('10 page views in a minute, each scrolled to the end: 40 requests, 270 sessions, no 429', async () => {
    const customer = emulator.createCustomer().id;
    const handler = createCustomerSessionHandler({ stripe, components: policy, resolveCustomer: () => customer, stripeBudget: false });
    const statuses: number[] = [];
    for (let view = 0; view < 10; view++) statuses.push(...(await pageView(handler, start + view * 6000)));
    expect(statuses).toEqual(Array(40).fill(200));
    expect(sessionsFor(customer)).toBe(10 * 27);
    expect(firstBatch.length).toBeLessThanOrEqual(maxSessionsPerRequest);
  });

  it('leaves room for 13 such page views in one window; the 14th is cut after its first batch', async () => {
    const customer = emulator.createCustomer().id;
    const handler = createCustomerSessionHandler({ stripe, components: policy, resolveCustomer: () => customer, stripeBudget: false });
    for (let view = 0; view < 13; view++) expect(await pageView(handler, start + view * 4000)).toEqual([200, 200, 200, 200]);
    expect(sessionsFor(customer)).toBe(13 * 27); // 351
    expect(await pageView(handler, start + 52_000)).toEqual([200, 429, 429, 429]);
    expect(sessionsFor(customer)).toBe(360);
  });
});

describe('an abuser is held to 360 Stripe sessions per customer per 60 s window', () => {
  it('a loop of single-session requests: exactly 360 reach Stripe, then 429 with Retry-After until the window ends', async () => {
    const customer = emulator.createCustomer().id;
    const handler = createCustomerSessionHandler({ stripe, components: policy, resolveCustomer: () => customer, stripeBudget: false });
    const single = () => new Request('http://shop.test/x', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"components":["buy_button"]}' });
    const statuses: number[] = [];
    for (let i = 0; i < 500; i++) statuses.push((await handler(single())).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(360);
    expect(statuses.slice(360).every((s) => s === 429)).toBe(true);
    expect(sessionsFor(customer)).toBe(360);
    vi.setSystemTime(start + 59_000);
    const refused = await handler(single());
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '1']);
    vi.setSystemTime(start + 60_001);
    expect((await handler(single())).status).toBe(200); // a new window: at most 360 more
    expect(sessionsFor(customer)).toBe(361);
  });

  it('100 concurrent batches of 32: at most 360 sessions reach Stripe (11 whole batches), the rest 429', async () => {
    const customer = emulator.createCustomer().id;
    const handler = createCustomerSessionHandler({ stripe, components: policy, resolveCustomer: () => customer, stripeBudget: false });
    const responses = await Promise.all(Array.from({ length: 100 }, () => handler(post(buyButtons(32)))));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(11);
    expect(statuses.filter((s) => s === 429)).toHaveLength(89);
    expect(sessionsFor(customer)).toBe(11 * 32); // 352: a batch that does not fit whole creates nothing
  });

  it('100 concurrent single requests from one customer under a 60-point limit make exactly 60 Stripe calls', async () => {
    const customer = emulator.createCustomer().id;
    const handler = createCustomerSessionHandler({ stripe, components: policy, resolveCustomer: () => customer, rateLimit: { points: 60, durationSeconds: 60 }, stripeBudget: false });
    const statuses = (await Promise.all(Array.from({ length: 100 }, () => handler(post([['pricing_table']]))))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(sessionsFor(customer)).toBe(60);
  });
});
