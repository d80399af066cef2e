import Stripe from 'stripe';
import { createCustomerSessionHandler } from '../../src/server';
import type { CustomerSessionHandlerOptions, ResolvedCustomer } from '../../src/server';

// Unit-level failures that the emulator cannot produce: exceptions that are not Stripe's,
// broken resolveCustomer results, and SDK errors built by hand.

const secretKey = 'sk_test_51FakeKeyForHandlerFailureTests0000';

function post(body: unknown = {}): Request {
  return new Request('http://shop.test/api/customer-session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function handlerFailingWith(thrown: unknown, extra: Partial<CustomerSessionHandlerOptions> = {}) {
  const onError = vi.fn();
  const handler = createCustomerSessionHandler({
    stripe: { customerSessions: { create: () => Promise.reject(thrown) } },
    resolveCustomer: () => 'cus_known',
    components: { payment_element: { enabled: true } },
    onError,
    ...extra,
  });
  return { handler, onError };
}

async function read(response: Response) {
  const text = await response.text();
  return { text, body: JSON.parse(text) as { error: Record<string, unknown> } };
}

describe('createCustomerSessionHandler: failures that are not Stripe answers', () => {
  it('turns an unknown exception into a generic 500 and hands the original to onError', async () => {
    const original = new Error(`database password hunter2 and ${secretKey}`);
    const { handler, onError } = handlerFailingWith(original);
    const request = post();
    const response = await handler(request);
    const { text, body } = await read(response);

    expect(response.status).toBe(500);
    expect(body.error).toEqual({ type: 'api_error', message: expect.any(String) });
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain(secretKey);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(onError).toHaveBeenCalledExactlyOnceWith(original, request);
  });

  it('answers 500 when resolveCustomer throws, and reports it', async () => {
    const failure = new Error('session store down');
    const { handler, onError } = handlerFailingWith(new Error('unused'), {
      resolveCustomer: () => Promise.reject(failure),
    });
    const response = await handler(post());
    expect(response.status).toBe(500);
    expect(onError).toHaveBeenCalledWith(failure, expect.any(Request));
  });

  /** The handler's answer when `resolveCustomer` returns `resolved`, with its Stripe call and onError spied. */
  async function answerWhenResolving(resolved: unknown) {
    const create = vi.fn();
    const onError = vi.fn();
    const handler = createCustomerSessionHandler({
      stripe: { customerSessions: { create } },
      resolveCustomer: () => resolved as ResolvedCustomer,
      components: { pricing_table: { enabled: true } },
      onError,
    });
    return { create, onError, response: await handler(post()) };
  }

  it.each<[string, unknown]>([
    ['an empty string', ''],
    ['both ids', { customer: 'cus_a', customer_account: 'acct_b' }],
    ['a number', 42],
  ])('answers 500 when resolveCustomer returns %s', async (_label, resolved) => {
    const { create, onError, response } = await answerWhenResolving(resolved);
    expect(response.status).toBe(500);
    expect(create).not.toHaveBeenCalled();
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(TypeError);
  });

  // A common first mistake: returning the signed-in user (or the whole auth session) instead of its
  // Customer ID. The error goes to onError, i.e. the server's logs: it names the keys it got, never
  // their values (a token, an email), and a value JSON cannot show still gets the same error.
  it.each<[string, unknown, RegExp]>([
    ['the user object', { id: 'usr_1', email: 'jenny@example.com', accessToken: 'tok_live_very_secret' }, /an object with keys id, email, accessToken/],
    ['a circular object', (() => { const user: Record<string, unknown> = { id: 'usr_1' }; user.self = user; return user; })(), /an object with keys id, self/],
    ['a bigint', 42n, /a bigint/],
  ])('when resolveCustomer returns %s, onError gets a TypeError naming its shape, not its values', async (_label, resolved, shape) => {
    const { create, onError, response } = await answerWhenResolving(resolved);
    expect(response.status).toBe(500);
    expect(create).not.toHaveBeenCalled();
    const error = onError.mock.calls[0]?.[0] as Error;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/^resolveCustomer must return a Customer ID/);
    expect(error.message).toMatch(shape);
    expect(error.message).not.toMatch(/jenny|tok_live|usr_1|42/);
  });

  it('still answers when onError itself throws', async () => {
    const { handler } = handlerFailingWith(new Error('boom'), {
      onError: () => {
        throw new Error('logger broken');
      },
    });
    expect((await handler(post())).status).toBe(500);
  });

  it('logs 5xx failures with console.error when no onError is given', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { handler } = handlerFailingWith(new Error('boom'), { onError: undefined });
    await handler(post());
    expect(log).toHaveBeenCalledOnce();
  });

  it('does not pass on Stripe refusing the server key as a 401: the visitor is signed in', async () => {
    const refused = new Stripe.errors.StripeAuthenticationError({
      type: 'invalid_request_error',
      statusCode: 401,
      message: `Invalid API Key provided: sk_test_****0000`,
    });
    const { handler, onError } = handlerFailingWith(refused);
    const response = await handler(post());
    const { text, body } = await read(response);
    expect(response.status).toBe(502);
    expect(body.error.type).toBe('api_error');
    expect(text).not.toMatch(/sk_test/);
    expect(onError).toHaveBeenCalledWith(refused, expect.any(Request));
  });

  it('redacts anything key-shaped from a passed-on Stripe message, and drops raw and headers', async () => {
    const error = new Stripe.errors.StripeInvalidRequestError({
      type: 'invalid_request_error',
      statusCode: 400,
      code: 'parameter_invalid_string',
      param: 'customer',
      message: `No such thing for ${secretKey} or rk_live_abc123`,
      headers: { 'request-id': 'req_123', authorization: `Bearer ${secretKey}` },
    });
    const { handler } = handlerFailingWith(error);
    const response = await handler(post());
    const { text, body } = await read(response);
    expect(response.status).toBe(400);
    expect(body.error).toEqual({
      type: 'invalid_request_error',
      code: 'parameter_invalid_string',
      param: 'customer',
      message: 'No such thing for [redacted] or [redacted]',
    });
    expect(text).not.toContain('sk_test');
    expect(text).not.toContain('req_123');
    expect([...response.headers.keys()].sort()).toEqual(['cache-control', 'content-type']);
  });

  it('passes on a rate limit with its status', async () => {
    const { handler } = handlerFailingWith(
      new Stripe.errors.StripeRateLimitError({ type: 'invalid_request_error', code: 'rate_limit', statusCode: 429, message: 'Too many requests' }),
    );
    const response = await handler(post());
    expect(response.status).toBe(429);
    expect((await read(response)).body.error.code).toBe('rate_limit');
  });

  it('forwards a customer_account from resolveCustomer and never a customer from the body', async () => {
    const create = vi.fn().mockResolvedValue({ object: 'customer_session', client_secret: 'cuss_secret_x', expires_at: 2 });
    const handler = createCustomerSessionHandler({
      stripe: { customerSessions: { create } },
      resolveCustomer: () => ({ customer_account: 'acct_own' }),
      components: { pricing_table: { enabled: true } },
    });
    const response = await handler(post({ customer: 'cus_other', customer_account: 'acct_other' }));
    expect(response.status).toBe(200);
    expect(create).toHaveBeenCalledExactlyOnceWith({ components: { pricing_table: { enabled: true } }, customer_account: 'acct_own' }, { timeout: 20_000 });
  });
});
