import Stripe from 'stripe';
import { createCustomerSessionHandler, maxSessionsPerRequest } from '../../src/server';
import type { CustomerSession, CustomerSessionBatchResponse, CustomerSessionStripeClient, StripeErrorBody } from '../../src/server';
import { createDeferred, type Deferred } from '../../src/testing';
import { shopPolicy, startSdkServer } from './sdkServer';

const policy = shopPolicy;

let ctx: Awaited<ReturnType<typeof startSdkServer>>;
let jenny: string;
let handler: (request: Request) => Promise<Response>;
beforeAll(async () => {
  ctx = await startSdkServer();
  jenny = ctx.emulator.createCustomer({ email: 'jenny@example.com' }).id;
  handler = createCustomerSessionHandler({ stripe: ctx.stripe, resolveCustomer: () => jenny, components: policy, rateLimit: false, stripeBudget: false });
});
afterAll(() => ctx.server.close());

function post(body: unknown): Request {
  return new Request('http://shop.test/api/customer-session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const enabledIn = (session: CustomerSession) =>
  Object.entries(session.components).filter(([, c]) => c.enabled).map(([name]) => name).sort();
const stripeCalls = () => ctx.emulator.requests.filter((r) => r.path === '/v1/customer_sessions').length;

describe('handler batch form: { sessions: ComponentName[][] } -> { sessions: CustomerSession[] }', () => {
  it('creates one session per entry, in order, each narrowed to its entry with the policy features', async () => {
    const before = stripeCalls();
    const response = await handler(post({ sessions: [['payment_element', 'pricing_table', 'buy_button'], ['payment_element'], ['pricing_table'], ['buy_button'], ['buy_button'], []] }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { sessions } = (await response.json()) as CustomerSessionBatchResponse;
    expect(sessions.map(enabledIn)).toEqual([
      ['buy_button', 'payment_element', 'pricing_table'],
      ['payment_element'],
      ['pricing_table'],
      ['buy_button'],
      ['buy_button'],
      ['buy_button', 'payment_element', 'pricing_table'], // an empty entry: the whole policy
    ]);
    expect(sessions[1]?.components.payment_element.features).toMatchObject({ payment_method_save: 'enabled', payment_method_save_usage: 'off_session' });
    // Six Stripe sessions, six distinct never-rendered secrets, all for the resolved customer.
    expect(stripeCalls() - before).toBe(6);
    expect(new Set(sessions.map((s) => s.client_secret)).size).toBe(6);
    expect(sessions.every((s) => s.customer === jenny && s.client_secret.startsWith('cuss_secret_'))).toBe(true);
    // What reached Stripe for the buy button entry: the buy button alone (least privilege).
    const sent = ctx.emulator.requests.filter((r) => r.path === '/v1/customer_sessions').slice(-6).map((r) => Object.keys(r.params.components as object).sort());
    expect(sent).toContainEqual(['buy_button']);
    expect(sent.filter((keys) => keys.length === 1)).toHaveLength(4);
  });

  it('takes exactly maxSessionsPerRequest (32) entries, and deduplicates names within an entry', async () => {
    expect(maxSessionsPerRequest).toBe(32);
    const response = await handler(post({ sessions: Array.from({ length: 32 }, () => ['buy_button', 'buy_button']) }));
    expect(response.status).toBe(200);
    const { sessions } = (await response.json()) as CustomerSessionBatchResponse;
    expect(sessions).toHaveLength(32);
    expect(sessions.every((s) => enabledIn(s).join() === 'buy_button')).toBe(true);
  });

  it('leaves the single form as it was: { components } answers one session object', async () => {
    const response = await handler(post({ components: ['pricing_table'] }));
    const session = (await response.json()) as CustomerSession;
    expect(session.object).toBe('customer_session');
    expect(enabledIn(session)).toEqual(['pricing_table']);
    expect(session).not.toHaveProperty('sessions');
    expect(enabledIn((await (await handler(post('{}'))).json()) as CustomerSession)).toEqual(['buy_button', 'payment_element', 'pricing_table']);
  });
});

describe('handler batch form: refusals name the param the Stripe way, before Stripe or the limit', () => {
  it.each([
    ['sessions not an array', { sessions: 'buy_button' }, 'sessions', /non-empty array/],
    ['sessions null', { sessions: null }, 'sessions', /non-empty array/],
    ['sessions empty', { sessions: [] }, 'sessions', /non-empty array/],
    ['33 entries', { sessions: Array.from({ length: 33 }, () => ['buy_button']) }, 'sessions', /33 sessions; at most 32/],
    ['both components and sessions', { components: ['buy_button'], sessions: [['buy_button']] }, 'sessions', /either components .* or sessions/],
    ['an entry that is not an array', { sessions: [['buy_button'], 'pricing_table'] }, 'sessions[1]', /sessions\[1\] must be an array/],
    ['an unknown name', { sessions: [['buy_button'], ['pricing_table', 'checkout']] }, 'sessions[1][1]', /Invalid sessions\[1\]\[1\]: "checkout" is not one of/],
    ['a name outside the policy', { sessions: [['buy_button'], ['pricing_table'], ['customer_sheet']] }, 'sessions[2][0]', /does not enable customer_sheet\./],
    ['an outside name after allowed ones', { sessions: [['pricing_table', 'buy_button', 'customer_portal']] }, 'sessions[0][2]', /does not enable customer_portal\./],
  ])('%s: 400 invalid_request_error, param %s', async (_label, body, param, message) => {
    const consume = vi.fn(() => Promise.resolve());
    const guarded = createCustomerSessionHandler({ stripe: ctx.stripe, resolveCustomer: () => jenny, components: policy, rateLimit: { consume }, stripeBudget: false });
    const before = stripeCalls();
    const response = await guarded(post(body));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as StripeErrorBody;
    expect(error).toEqual({ type: 'invalid_request_error', param, message: expect.stringMatching(message) });
    expect(stripeCalls()).toBe(before);
    expect(consume).not.toHaveBeenCalled();
  });
});

/** A Stripe client whose every create call waits on a deferred the test settles. */
function controlledStripe() {
  const calls: { components: unknown; answer: Deferred<{ client_secret: string; expires_at: number }> }[] = [];
  const stripe: CustomerSessionStripeClient = {
    customerSessions: {
      create(params) {
        const answer = createDeferred<{ client_secret: string; expires_at: number }>();
        calls.push({ components: params.components, answer });
        return answer.promise;
      },
    },
  };
  const session = (i: number) => ({ object: 'customer_session', client_secret: `cuss_secret_${i}`, created: 1, expires_at: 1801, livemode: false, customer: 'cus_1', components: {} });
  return { stripe, calls, session };
}

const sdkError = (code: string, message: string) => new Stripe.errors.StripeInvalidRequestError({ type: 'invalid_request_error', code, message, statusCode: 400 } as never);

describe('handler batch form: concurrency and failures', () => {
  it('asks Stripe for every session at once, and answers when all have come back, in the order asked', async () => {
    const { stripe, calls, session } = controlledStripe();
    const h = createCustomerSessionHandler({ stripe, resolveCustomer: () => 'cus_1', components: policy, rateLimit: false, stripeBudget: false });
    const pending = h(post({ sessions: [['pricing_table'], ['buy_button'], ['payment_element']] }));
    await vi.waitFor(() => expect(calls).toHaveLength(3)); // all three in flight before any answered
    let answered = false;
    void pending.then(() => (answered = true));
    calls[2]?.answer.resolve(session(2));
    calls[0]?.answer.resolve(session(0));
    await Promise.resolve();
    expect(answered).toBe(false);
    calls[1]?.answer.resolve(session(1));
    const { sessions } = (await (await pending).json()) as CustomerSessionBatchResponse;
    expect(sessions.map((s) => s.client_secret)).toEqual(['cuss_secret_0', 'cuss_secret_1', 'cuss_secret_2']);
    expect(calls.map((c) => Object.keys(c.components as object))).toEqual([['pricing_table'], ['buy_button'], ['payment_element']]);
  });

  it('answers the first failure by index, after every creation has settled, and reports it to onError', async () => {
    const { stripe, calls, session } = controlledStripe();
    const onError = vi.fn();
    const h = createCustomerSessionHandler({ stripe, resolveCustomer: () => 'cus_1', components: policy, rateLimit: false, stripeBudget: false, onError });
    const pending = h(post({ sessions: [['pricing_table'], ['buy_button'], ['payment_element']] }));
    await vi.waitFor(() => expect(calls).toHaveLength(3));
    let answered = false;
    void pending.then(() => (answered = true));
    calls[2]?.answer.reject(sdkError('resource_missing', 'third failed'));
    calls[1]?.answer.reject(sdkError('parameter_invalid_empty', 'second failed'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false); // the first entry is still being created
    calls[0]?.answer.resolve(session(0));
    const response = await pending;
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as StripeErrorBody;
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'parameter_invalid_empty', message: 'second failed' });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ message: 'second failed' });
  });

  it('spends one point per session, in one consume before any Stripe call, and creates none when refused', async () => {
    const { stripe, calls } = controlledStripe();
    const consume = vi.fn((_key: string, points?: number) => ((points ?? 1) > 4 ? Promise.reject({ msBeforeNext: 30_000 }) : Promise.resolve()));
    const h = createCustomerSessionHandler({ stripe, resolveCustomer: () => 'cus_1', components: policy, rateLimit: { consume }, stripeBudget: false });
    const refused = await h(post({ sessions: [['pricing_table'], ['buy_button'], ['buy_button'], ['buy_button'], ['buy_button']] }));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(consume).toHaveBeenCalledExactlyOnceWith('customer:cus_1', 5);
    expect(calls).toHaveLength(0); // all or nothing: not one session of the five

    void h(post({ sessions: [['pricing_table'], ['buy_button']] }));
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(consume).toHaveBeenLastCalledWith('customer:cus_1', 2);
    void h(post({ components: ['pricing_table'] }));
    await vi.waitFor(() => expect(consume).toHaveBeenLastCalledWith('customer:cus_1', 1));
  });
});
