import { createCustomerSession, createCustomerSessionHandler, RateLimiterUnavailableError } from '../../src/server';
import type { CustomerSessionRateLimiter, RateLimitFailureMode, StripeErrorBody } from '../../src/server';
import { createEmulatorStripeClient, createStripeEmulator } from '../../src/testing';

// A limiter whose store fails must not take checkout down ('allow', the default) unless the shop
// asks for it ('deny'); a store that never answers counts as failed after rateLimitTimeoutMs.
const components = { pricing_table: { enabled: true } };
const emulator = createStripeEmulator();
const stripe = createEmulatorStripeClient(emulator);
const customer = emulator.createCustomer().id;
const post = () =>
  new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });

const broken: CustomerSessionRateLimiter = { consume: () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1:6379')) };
const throwing: CustomerSessionRateLimiter = {
  consume: () => {
    throw new Error('not connected');
  },
};
const silent: CustomerSessionRateLimiter = { consume: () => new Promise<never>(() => {}) };

function handlerWith(rateLimit: CustomerSessionRateLimiter, rateLimitFailure?: RateLimitFailureMode, onError = vi.fn()) {
  const handler = createCustomerSessionHandler({ stripe, components, resolveCustomer: () => customer, rateLimit, onError, ...(rateLimitFailure ? { rateLimitFailure } : {}) });
  return { handler, onError };
}

const stripeCalls = () => emulator.requests.length;

describe('rate limiter store failures', () => {
  it.each([
    ['rejects', broken],
    ['throws', throwing],
  ])('a store that %s is reported through onError and, by default, lets the request through', async (_label, limiter) => {
    const { handler, onError } = handlerWith(limiter);
    const before = stripeCalls();
    const response = await handler(post());
    expect(response.status).toBe(200);
    expect(stripeCalls()).toBe(before + 1);
    expect(onError).toHaveBeenCalledTimes(1);
    const [error, request] = onError.mock.calls[0] as [RateLimiterUnavailableError, Request];
    expect(error).toBeInstanceOf(RateLimiterUnavailableError);
    expect(error).toMatchObject({ reason: 'error', cause: expect.any(Error) });
    expect(request).toBeInstanceOf(Request);
  });

  it("'deny' refuses with 503 api_error, Retry-After and no-store, without calling Stripe", async () => {
    const { handler, onError } = handlerWith(broken, 'deny');
    const before = stripeCalls();
    const response = await handler(post());
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(((await response.json()) as StripeErrorBody).error).toMatchObject({ type: 'api_error' });
    expect(stripeCalls()).toBe(before);
    expect(onError).toHaveBeenCalledWith(expect.any(RateLimiterUnavailableError), expect.any(Request));
  });

  it('logs with console.error when there is no onError', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = createCustomerSessionHandler({ stripe, components, resolveCustomer: () => customer, rateLimit: broken });
    expect((await handler(post())).status).toBe(200);
    expect(log).toHaveBeenCalledWith(expect.any(String), expect.any(RateLimiterUnavailableError));
  });

  it('createCustomerSession: the same modes, reported through its onError', async () => {
    const onError = vi.fn();
    await expect(createCustomerSession({ stripe, customer, components, rateLimit: broken, onError })).resolves.toMatchObject({ customer });
    expect(onError).toHaveBeenCalledWith(expect.any(RateLimiterUnavailableError));
    await expect(createCustomerSession({ stripe, customer, components, rateLimit: broken, rateLimitFailure: 'deny', onError })).rejects.toMatchObject({
      name: 'CustomerSessionRateLimitError',
      status: 503,
      reason: 'limiter_unavailable',
    });
  });

  it('createCustomerSession: an onError that throws does not fail the page, as with the handler', async () => {
    const onError = vi.fn(() => {
      throw new Error('the log pipeline is down too');
    });
    await expect(createCustomerSession({ stripe, customer, components, rateLimit: broken, onError })).resolves.toMatchObject({ customer });
    expect(onError).toHaveBeenCalledWith(expect.any(RateLimiterUnavailableError));
  });

  it('an async onError that rejects (a logger shipping over the network) leaves no unhandled rejection, in the handler or createCustomerSession', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      // A plain function: a `vi.fn` would handle the rejection itself (it records how its promise settles).
      let calls = 0;
      const onError = async () => {
        calls++;
        throw new Error('the log pipeline is down too');
      };
      await expect(createCustomerSession({ stripe, customer, components, rateLimit: broken, onError })).resolves.toMatchObject({ customer });
      const handler = createCustomerSessionHandler({ stripe, components, resolveCustomer: () => customer, rateLimit: broken, onError });
      expect((await handler(post())).status).toBe(200);
      expect(calls).toBe(2);
      // Node reports unhandled rejections after the microtasks of the turn: let one pass.
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});

describe('a store that never answers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  async function settleAfter(pending: Promise<Response>, ms: number): Promise<Response | 'pending'> {
    let settled: Response | 'pending' = 'pending';
    void pending.then((response) => (settled = response));
    await vi.advanceTimersByTimeAsync(ms);
    return settled;
  }

  it.each([
    ['allow', 200],
    ['deny', 503],
  ] as const)("counts as failed after rateLimitTimeoutMs (default 1000 ms): '%s' answers %i", async (mode, status) => {
    const { handler, onError } = handlerWith(silent, mode);
    const pending = handler(post());
    expect(await settleAfter(pending, 999)).toBe('pending');
    const response = await settleAfter(pending, 1);
    expect(response).not.toBe('pending');
    expect((response as Response).status).toBe(status);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ name: 'RateLimiterUnavailableError', reason: 'timeout' });
    // Nothing left behind once the windows have passed: under 'allow' the in-memory fallback (and the
    // default Stripe budget) keep a key until their window ends, and nothing else remains.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('takes a shorter rateLimitTimeoutMs', async () => {
    const handler = createCustomerSessionHandler({ stripe, components, resolveCustomer: () => customer, rateLimit: silent, rateLimitTimeoutMs: 50, onError: () => {} });
    const response = await settleAfter(handler(post()), 50);
    expect(response).not.toBe('pending');
  });

  it('clears its timer when the store answers in time', async () => {
    const handler = createCustomerSessionHandler({ stripe, components, resolveCustomer: () => customer, rateLimit: { consume: () => Promise.resolve() } });
    expect((await handler(post())).status).toBe(200);
    expect(vi.getTimerCount()).toBe(0);
  });
});
