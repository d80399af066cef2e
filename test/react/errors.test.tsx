import { act } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint, type Responder } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const server = setupMswServer();
const clock = installFakeClock();

const serverError: Responder = () => HttpResponse.json({ error: { type: 'api_error', message: 'Something went wrong' } }, { status: 500 });

function setup(...responders: Responder[]) {
  const endpoint = createSessionEndpoint();
  endpoint.queue(...responders);
  server.use(endpoint.handler);
  const recorder = createSessionRecorder();
  renderWithProvider(<recorder.ContextProbe />, { components: ['payment_element'] });
  const status = () => recorder.latest().status;
  return { endpoint, recorder, status };
}

describe('errors and retries', () => {
  it('retries a 500 and shows the session when the retry succeeds', async () => {
    const { endpoint, recorder, status } = setup(serverError);
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(999);
    expect(endpoint.requests).toHaveLength(1);
    expect(status()).toBe('pending');
    await clock.advance(1);
    await flushUntil(() => status() === 'ready');
    expect(endpoint.requests).toHaveLength(2);
    expect(recorder.states.some((s) => s.status === 'error')).toBe(false);
  });

  it('backs off 1 s, 2 s, 4 s, then reports the error; refresh() tries again', async () => {
    const { endpoint, recorder, status } = setup(serverError, serverError, serverError, serverError);
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(1000);
    await flushUntil(() => endpoint.requests.length === 2);
    await clock.advance(1999);
    expect(endpoint.requests).toHaveLength(2);
    await clock.advance(1);
    await flushUntil(() => endpoint.requests.length === 3);
    await clock.advance(4000);
    await flushUntil(() => status() === 'error');
    expect(endpoint.requests).toHaveLength(4);
    expect(recorder.latest().error).toMatchObject({ kind: 'http', status: 500, stripeError: { type: 'api_error', message: 'Something went wrong' } });
    await clock.advance(60_000);
    expect(endpoint.requests).toHaveLength(4);
    let refreshed: Promise<void> | undefined;
    act(() => {
      refreshed = recorder.latest().refresh();
    });
    expect(status()).toBe('pending');
    await flushUntil(() => status() === 'ready');
    await expect(refreshed).resolves.toBeUndefined();
    expect(recorder.latest().error).toBeNull();
  });

  it('retries network failures', async () => {
    const { endpoint, status } = setup(() => HttpResponse.error());
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(1000);
    await flushUntil(() => status() === 'ready');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('waits for Retry-After on a 429', async () => {
    const { endpoint, status } = setup(() =>
      HttpResponse.json({ error: { type: 'rate_limit_error', message: 'Too many requests' } }, { status: 429, headers: { 'Retry-After': '5' } }),
    );
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(4999);
    expect(endpoint.requests).toHaveLength(1);
    await clock.advance(1);
    await flushUntil(() => status() === 'ready');
  });

  it('does not retry a 400 and exposes the Stripe error', async () => {
    const { endpoint, recorder, status } = setup(() =>
      HttpResponse.json(
        { error: { type: 'invalid_request_error', code: 'parameter_invalid_empty', param: 'components', message: 'Ask for at least one component.' } },
        { status: 400 },
      ),
    );
    await flushUntil(() => status() === 'error');
    await clock.advance(60_000);
    expect(endpoint.requests).toHaveLength(1);
    const { error } = recorder.latest();
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      stripeError: { type: 'invalid_request_error', code: 'parameter_invalid_empty', param: 'components', message: 'Ask for at least one component.' },
    });
    expect(error?.message).toContain('Ask for at least one component.');
    expect(recorder.latest().clientSecret).toBeNull();
  });

  it('reports an HTML page answered with 200 as invalid_response, without retrying', async () => {
    const { endpoint, recorder, status } = setup(() => HttpResponse.html('<!doctype html><html><body>Welcome</body></html>'));
    await flushUntil(() => status() === 'error');
    await clock.advance(60_000);
    expect(endpoint.requests).toHaveLength(1);
    expect(recorder.latest().error).toMatchObject({ kind: 'invalid_response', message: expect.stringMatching(/HTML/) });
  });

  it('treats an HTML error page with a 502 as a transient HTTP error', async () => {
    const { endpoint, recorder, status } = setup(() => HttpResponse.html('<html><body>Bad gateway</body></html>', { status: 502 }));
    await flushUntil(() => endpoint.requests.length === 1);
    expect(recorder.latest().status).toBe('pending');
    await clock.advance(1000);
    await flushUntil(() => status() === 'ready');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('rejects expires_at in milliseconds, naming the field', async () => {
    const { endpoint, recorder, status } = setup(() => HttpResponse.json(makeCustomerSession({ expires_at: Date.now() + 1_800_000 })));
    await flushUntil(() => status() === 'error');
    expect(recorder.latest().error).toMatchObject({ kind: 'invalid_response', message: expect.stringMatching(/`expires_at` is in milliseconds/) });
    await clock.advance(60_000);
    expect(endpoint.requests).toHaveLength(1);
  });

  it('rejects truncated JSON and a missing client_secret', async () => {
    const { client_secret: _omitted, ...withoutSecret } = makeCustomerSession();
    const { recorder, status } = setup(() => new HttpResponse('{"object":"customer_sess', { headers: { 'Content-Type': 'application/json' } }));
    await flushUntil(() => status() === 'error');
    expect(recorder.latest().error).toMatchObject({ kind: 'invalid_response', message: expect.stringContaining('invalid JSON') });

    const second = setup(() => HttpResponse.json(withoutSecret));
    await flushUntil(() => second.status() === 'error');
    expect(second.recorder.latest().error).toMatchObject({ kind: 'invalid_response', message: expect.stringContaining('`client_secret`') });
  });

  it('reports a session that expired before it arrived as an error of kind expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { recorder, status } = setup(() => HttpResponse.json(makeCustomerSession({ created: now, expires_at: now - 60 })));
    await flushUntil(() => status() === 'error');
    expect(recorder.latest()).toMatchObject({ clientSecret: null, error: { kind: 'expired' } });
  });

  it('gives up on a hung request after 30 s and retries it', async () => {
    const endpoint = createSessionEndpoint();
    endpoint.hold(); // never released
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    renderWithProvider(<recorder.ContextProbe />);
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(29_999);
    expect(endpoint.requests[0]?.signal.aborted).toBe(false);
    await clock.advance(1);
    await flushUntil(() => endpoint.requests[0]?.signal.aborted === true);
    expect(recorder.latest().status).toBe('pending');
    await clock.advance(1000);
    await flushUntil(() => recorder.latest().status === 'ready');
    expect(endpoint.requests).toHaveLength(2);
  });
});

