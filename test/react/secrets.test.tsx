import { defaultShouldDehydrateQuery, dehydrate, QueryClient } from '@tanstack/react-query';
import { HttpResponse } from 'msw';
import { customerSessionQueryKeyPrefix } from '../../src/react/query';
import { isCustomerSessionQuery } from '../../src/react/query';
import { resetWarnings } from '../../src/core/warnings';
import type { CustomerSessionEndpoint } from '../../src/react/types';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { flushUntil } from '../helpers/advanceUntil';
import { captureConsole } from '../helpers/captureConsole';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const server = setupMswServer();
const clock = installFakeClock();

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('the client secret stays secret', () => {
  it('never reaches the console, storage, cookies or the URL', async () => {
    const consoleCalls = captureConsole();
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const endpoint = createSessionEndpoint();
    endpoint.queue(() => HttpResponse.json({ error: { type: 'api_error', message: 'boom' } }, { status: 500 }));
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    const href = location.href;
    const view = renderWithProvider(<recorder.ContextProbe />, { components: ['payment_element'] });
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(1000); // the retry after the 500
    await flushUntil(() => recorder.latest().status === 'ready');
    const first = recorder.latest().clientSecret!;
    await recorder.latest().refresh();
    await flushUntil(() => recorder.latest().clientSecret !== first);
    const secrets = [first, recorder.latest().clientSecret!];
    view.unmount();
    // Past the lifecycle's macrotask after the last user leaves, and the cache's 30 s drop.
    await clock.advance(30_000);

    const printed = consoleCalls.text();
    for (const secret of secrets) {
      expect(secret).toMatch(/^cuss_secret_/);
      expect(printed).not.toContain(secret);
      expect(document.cookie).not.toContain(secret);
      expect(document.documentElement.outerHTML).not.toContain(secret);
    }
    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage).toHaveLength(0);
    expect(sessionStorage).toHaveLength(0);
    expect(location.href).toBe(href);
    expect(endpoint.requests.every((r) => !JSON.stringify(r.body).includes('cuss_'))).toBe(true);
  });

  it('never reaches dehydrated JSON, is left out of dehydration by isCustomerSessionQuery, and is marked meta.persist = false', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const client = new QueryClient();
    const recorder = createSessionRecorder();
    renderWithProvider(<recorder.ContextProbe />, { appQueryClient: client });
    await flushUntil(() => recorder.latest().status === 'ready');
    const secret = recorder.latest().clientSecret!;
    const [query] = client.getQueryCache().findAll({ queryKey: [customerSessionQueryKeyPrefix] });
    expect(query?.meta).toEqual({ persist: false });
    // What a JSON persister writes holds no secret, with no filter (issue 18)...
    expect(JSON.stringify(dehydrate(client))).not.toContain(secret);
    // ...and the documented filter (for persisters that keep objects, not JSON) leaves the query out.
    const safe = dehydrate(client, { shouldDehydrateQuery: (q) => defaultShouldDehydrateQuery(q) && !isCustomerSessionQuery(q) });
    expect(safe.queries).toEqual([]);
  });

  it('drops the cached session 30 s after the last user leaves', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const client = new QueryClient();
    const recorder = createSessionRecorder();
    const view = renderWithProvider(<recorder.ContextProbe />, { appQueryClient: client });
    await flushUntil(() => recorder.latest().status === 'ready');
    const find = () => client.getQueryCache().findAll({ predicate: isCustomerSessionQuery });
    view.unmount();
    await clock.advance(29_999);
    expect(find()).toHaveLength(1);
    await clock.advance(1);
    expect(find()).toHaveLength(0);
  });
});

describe('development warning', () => {
  it('stays silent in production', async () => {
    resetWarnings(); // would a development build warn here, this test must not pass by test order
    vi.stubEnv('NODE_ENV', 'production');
    try {
      const consoleCalls = captureConsole();
      const endpoint: CustomerSessionEndpoint = async () => makeCustomerSession({ client_secret: 'seti_1Abc_secret_Xyz' });
      const recorder = createSessionRecorder();
      renderWithProvider(<recorder.ContextProbe />, { endpoint });
      await flushUntil(() => recorder.latest().status === 'ready');
      expect(consoleCalls.calls).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('warns once, without the secret, when the endpoint returns a PaymentIntent secret', async () => {
    const consoleCalls = captureConsole();
    const wrongSecret = 'pi_3PdQ2aLkdIwHu7ix0a1b2c3d_secret_9Zs8Yx7Wv6Ut5Sr4Qp3On2Ml1';
    const endpoint: CustomerSessionEndpoint = async () => makeCustomerSession({ client_secret: wrongSecret });
    const recorder = createSessionRecorder();
    renderWithProvider(<recorder.ContextProbe />, { endpoint });
    await flushUntil(() => recorder.latest().status === 'ready');
    await recorder.latest().refresh();
    const warnings = consoleCalls.calls.filter((c) => c.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(consoleCalls.text()).toMatch(/PaymentIntent/);
    expect(consoleCalls.text()).toMatch(/cuss_/);
    expect(consoleCalls.text()).not.toContain(wrongSecret);
    expect(consoleCalls.text()).not.toContain('9Zs8Yx7Wv6Ut5Sr4Qp3On2Ml1');
    expect(consoleCalls.text()).not.toContain('PdQ2aLkdIwHu7ix');
  });
});
