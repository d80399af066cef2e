import { requestCustomerSessions } from '../../src/core/fetch';

// One session: the batch function with one entry (the plain `{ components }` request).
const requestCustomerSession = async (...[endpoint, components, controller, init]: [Parameters<typeof requestCustomerSessions>[0], Parameters<typeof requestCustomerSessions>[1][number], AbortController, RequestInit?]) =>
  (await requestCustomerSessions(endpoint, [components], controller, init))[0]!;
import type { ComponentName } from '../../src/core/componentNames';
import { CustomerSessionError } from '../../src/core/errors';
import { retryDelayMs, shouldRetry } from '../../src/core/retry';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';

type Call = { url: string; init: RequestInit };

function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(url), init: init ?? {} };
    calls.push(call);
    return respond(call);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

// The URL form of requestCustomerSession with a stand-in fetch: resolves with the session.
async function fetchCustomerSession(
  url: string,
  options: { components: ComponentName[]; fetch: typeof globalThis.fetch; signal?: AbortSignal; requestInit?: RequestInit },
) {
  const controller = new AbortController();
  options.signal?.addEventListener('abort', () => controller.abort(options.signal?.reason));
  vi.stubGlobal('fetch', options.fetch);
  try {
    return (await requestCustomerSession(url, options.components, controller, options.requestInit)).session;
  } finally {
    vi.unstubAllGlobals();
  }
}

async function failure(promise: Promise<unknown>): Promise<CustomerSessionError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CustomerSessionError);
  return error as CustomerSessionError;
}

describe('requestCustomerSession (URL form)', () => {
  it('POSTs JSON { components } with JSON headers and same-origin credentials', async () => {
    const session = makeCustomerSession();
    const { fetch, calls } = fakeFetch(() => Response.json(session));
    const result = await fetchCustomerSession('/api/cs', { components: ['pricing_table'], fetch });
    expect(result).toEqual(session);
    const [call] = calls;
    expect(call?.url).toBe('/api/cs');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.credentials).toBe('same-origin');
    expect(call?.init.body).toBe('{"components":["pricing_table"]}');
    const headers = new Headers(call?.init.headers);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('accept')).toBe('application/json');
  });

  it('lets requestInit add headers and credentials but not change method or body', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json(makeCustomerSession()));
    await fetchCustomerSession('/api/cs', {
      components: [],
      fetch,
      requestInit: { method: 'PUT', body: 'x', credentials: 'include', headers: [['Authorization', 'Bearer t']] },
    });
    const init = calls[0]!.init;
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"components":[]}');
    expect(init.credentials).toBe('include');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer t');
  });

  it('maps a Stripe error body with a non-2xx status to kind http with stripeError', async () => {
    const { fetch } = fakeFetch(() =>
      Response.json({ error: { type: 'invalid_request_error', code: 'resource_missing', param: 'customer', message: 'No such customer', doc_url: 'x' } }, { status: 404 }),
    );
    const error = await failure(fetchCustomerSession('/api/cs', { components: [], fetch }));
    expect(error).toMatchObject({ kind: 'http', status: 404, stripeError: { type: 'invalid_request_error', code: 'resource_missing', param: 'customer', message: 'No such customer' } });
    expect(error.stripeError).not.toHaveProperty('doc_url');
    expect(shouldRetry(0, error)).toBe(false);
  });

  it('maps a non-2xx without a Stripe body to kind http without stripeError', async () => {
    const { fetch } = fakeFetch(() => new Response('upstream timeout', { status: 504 }));
    const error = await failure(fetchCustomerSession('/api/cs', { components: [], fetch }));
    expect(error).toMatchObject({ kind: 'http', status: 504 });
    expect(error.stripeError).toBeUndefined();
    expect(shouldRetry(0, error)).toBe(true);
  });

  it('reads Retry-After (seconds or HTTP date) into the retry delay', async () => {
    const seconds = fakeFetch(() => new Response('{}', { status: 429, headers: { 'Retry-After': '7' } }));
    const first = await failure(fetchCustomerSession('/api/cs', { components: [], fetch: seconds.fetch }));
    expect(retryDelayMs(0, first)).toBe(7000);
    const date = fakeFetch(() => new Response('{}', { status: 429, headers: { 'Retry-After': new Date(Date.now() + 120_000).toUTCString() } }));
    const second = await failure(fetchCustomerSession('/api/cs', { components: [], fetch: date.fetch }));
    expect(shouldRetry(0, second)).toBe(false); // longer than a minute: give up, report
  });

  it('maps an HTML page, bad JSON and a wrong shape to invalid_response', async () => {
    const html = fakeFetch(() => new Response('<!DOCTYPE html><p>hi</p>', { headers: { 'Content-Type': 'text/html' } }));
    expect(await failure(fetchCustomerSession('/x', { components: [], fetch: html.fetch }))).toMatchObject({ kind: 'invalid_response', message: expect.stringContaining('HTML') });
    const bad = fakeFetch(() => new Response('{"object":', { headers: { 'Content-Type': 'application/json' } }));
    expect(await failure(fetchCustomerSession('/x', { components: [], fetch: bad.fetch }))).toMatchObject({ kind: 'invalid_response', message: expect.stringContaining('invalid JSON') });
    const shape = fakeFetch(() => Response.json({ clientSecret: 'cuss_secret_abc' }));
    expect(await failure(fetchCustomerSession('/x', { components: [], fetch: shape.fetch }))).toMatchObject({ kind: 'invalid_response', message: expect.stringContaining('`object`') });
  });

  it('maps a thrown fetch to network, and an aborted one to aborted', async () => {
    const broken = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await failure(fetchCustomerSession('/x', { components: [], fetch: broken.fetch }))).toMatchObject({ kind: 'network', message: expect.stringContaining('Failed to fetch') });

    const controller = new AbortController();
    const hanging = fakeFetch(
      ({ init }) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const pending = fetchCustomerSession('/x', { components: [], fetch: hanging.fetch, signal: controller.signal });
    controller.abort();
    expect(await failure(pending)).toMatchObject({ kind: 'aborted' });
  });

  it("honours requestInit's own signal too", async () => {
    const theirs = new AbortController();
    const { fetch } = fakeFetch(
      ({ init }) => new Promise<Response>((_r, reject) => init.signal?.addEventListener('abort', () => reject(new Error('stop')))),
    );
    vi.stubGlobal('fetch', fetch);
    try {
      const pending = requestCustomerSession('/x', [], new AbortController(), { signal: theirs.signal });
      theirs.abort();
      expect(await failure(pending)).toMatchObject({ kind: 'aborted' });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
