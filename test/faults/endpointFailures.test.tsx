import { act } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import type { Responder } from '../helpers/sessionEndpoint';
import { expectEveryReceiverGot, expectNoBadSecrets, expectNoSecretSeen } from './support/expectations';
import { createFaultEndpoint, type FaultEndpoint } from './support/faultEndpoint';
import { renderFaultPage } from './support/faultPage';
import { setupFaultSuite } from './support/setupFaultSuite';

const server = setupMswServer();
const clock = installFakeClock();
const minute = 60_000;

const serverError: Responder = () => HttpResponse.json({ error: { type: 'api_error', message: 'Something went wrong' } }, { status: 500 });
const htmlPage = (status: number): Responder => () =>
  new HttpResponse('<!doctype html><html><head><title>Oops</title></head><body><h1>Bad gateway</h1></body></html>', { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
const tooManyRequests = (retryAfter: string): Responder => () =>
  HttpResponse.json({ error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Too many requests' } }, { status: 429, headers: { 'Retry-After': retryAfter } });

const suite = setupFaultSuite({ silenceWarnings: true });

function open(...responders: Responder[]): { endpoint: FaultEndpoint; page: ReturnType<typeof renderFaultPage>; status(): string } {
  const endpoint = createFaultEndpoint(server, suite.ledger);
  endpoint.queue(...responders);
  const page = renderFaultPage(suite.ledger, endpoint.url);
  return { endpoint, page, status: () => page.record.latest().status };
}

describe('fault: endpoint 500s', () => {
  it('a burst of three 500s is retried after 1 s, 2 s and 4 s, then the session lands everywhere', async () => {
    const { endpoint, page, status } = open(serverError, serverError, serverError);
    await flushUntil(() => endpoint.requests.length === 1);
    for (const wait of [1000, 2000, 4000]) {
      expect(status()).toBe('pending');
      await clock.advance(wait);
    }
    await flushUntil(() => status() === 'ready');
    expect(endpoint.requests).toHaveLength(4);
    expect(page.record.states.some((s) => s.status === 'error')).toBe(false);
    expectEveryReceiverGot(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });

  it('a burst longer than the retries ends in error (components anonymous), then recovers on refresh()', async () => {
    const { endpoint, page, status } = open(serverError, serverError, serverError, serverError);
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(7000);
    await flushUntil(() => status() === 'error');
    expect(endpoint.requests).toHaveLength(4);
    expect(page.record.latest()).toMatchObject({ clientSecret: null, session: null, error: { kind: 'http', status: 500 } });
    // Checkout is not blocked: the components render without a customer.
    expect(page.stripe.calls.elements).toHaveLength(1);
    expect(document.querySelector('stripe-pricing-table')?.hasAttribute('customer-session-client-secret')).toBe(false);
    expectNoSecretSeen(suite.ledger);

    await act(() => page.record.latest().refresh());
    await flushUntil(() => status() === 'ready');
    expect(endpoint.requests).toHaveLength(5);
    expectEveryReceiverGot(suite.ledger, page.record.latest().clientSecret);
    expect(page.stripe.calls.elements).toHaveLength(1); // upgraded in place, not remounted
    expectNoBadSecrets(suite.ledger);
  });

  it('a burst during a refresh keeps the current secret until it expires, never after, and recovers on the next wake-up', async () => {
    const { endpoint, page, status } = open();
    await flushUntil(() => status() === 'ready');
    const first = page.record.latest().clientSecret;
    endpoint.queue(serverError, serverError, serverError, serverError);
    await clock.advance(25 * minute);
    await clock.advance(7000);
    await flushUntil(() => status() === 'error');
    expect(page.record.latest().clientSecret).toBe(first); // still valid for almost 5 minutes
    await clock.advance(5 * minute - 7000);
    expect(page.record.latest()).toMatchObject({ status: 'error', clientSecret: null, session: null });
    expect(endpoint.requests).toHaveLength(5); // no retry loop after the failed refresh

    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    await flushUntil(() => status() === 'ready');
    expect(page.record.latest().clientSecret).not.toBe(first);
    expect(endpoint.requests).toHaveLength(6);
    expectNoBadSecrets(suite.ledger);
  });
});

describe('fault: wake-ups', () => {
  it('a failed session is fetched again when the window gets focus, not when an element on the page does', async () => {
    const { endpoint, status } = open(serverError, serverError, serverError, serverError);
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(7000);
    await flushUntil(() => status() === 'error');
    const input = document.body.appendChild(document.createElement('input'));
    await act(async () => {
      input.focus();
      input.dispatchEvent(new FocusEvent('focus'));
    });
    await clock.advance(1000);
    expect(endpoint.requests).toHaveLength(4);

    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    await flushUntil(() => status() === 'ready');
    expect(endpoint.requests).toHaveLength(5);
    input.remove();
    expectNoBadSecrets(suite.ledger);
  });
});

describe('fault: 429 with Retry-After', () => {
  it('waits exactly as long as Retry-After says, then recovers', async () => {
    const { endpoint, page, status } = open(tooManyRequests('7'));
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(6999);
    expect(endpoint.requests).toHaveLength(1);
    expect(status()).toBe('pending');
    await clock.advance(1);
    await flushUntil(() => status() === 'ready');
    expect(endpoint.requests).toHaveLength(2);
    expectEveryReceiverGot(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });

  it('does not retry when Retry-After asks for more than a minute; reports the 429 instead', async () => {
    const { endpoint, page, status } = open(tooManyRequests('120'));
    await flushUntil(() => status() === 'error');
    await clock.advance(5 * minute);
    expect(endpoint.requests).toHaveLength(1);
    expect(page.record.latest().error).toMatchObject({ kind: 'http', status: 429, stripeError: { code: 'rate_limit' } });
    expectNoSecretSeen(suite.ledger);
  });
});

describe('fault: HTML error page', () => {
  it('a 200 HTML page (an SPA fallback) is an invalid_response, not retried, and shows nothing', async () => {
    const { endpoint, page, status } = open(htmlPage(200));
    await flushUntil(() => status() === 'error');
    await clock.advance(minute);
    expect(endpoint.requests).toHaveLength(1);
    expect(page.record.latest().error).toMatchObject({ kind: 'invalid_response' });
    expect(page.record.latest().error?.message).toMatch(/HTML/);
    expectNoSecretSeen(suite.ledger);
  });

  it('a 502 HTML page from a proxy is transient: retried, then the session arrives', async () => {
    const { endpoint, page, status } = open(htmlPage(502));
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(1000);
    await flushUntil(() => status() === 'ready');
    expect(endpoint.requests).toHaveLength(2);
    expectEveryReceiverGot(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });
});

describe('fault: malformed sessions', () => {
  it('truncated JSON is an invalid_response whose message does not echo the body; the cut-off secret reaches no one', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const session = await endpoint.createSession();
    const body = JSON.stringify(session);
    endpoint.queue(() => new HttpResponse(body.slice(0, body.length - 25), { headers: { 'Content-Type': 'application/json' } }));
    const page = renderFaultPage(suite.ledger, endpoint.url);
    await flushUntil(() => page.record.latest().status === 'error');
    const { error } = page.record.latest();
    expect(error).toMatchObject({ kind: 'invalid_response' });
    expect(error?.message).toMatch(/JSON/);
    expect(error?.message).not.toContain(session.client_secret);
    expect(endpoint.requests).toHaveLength(1);
    expectNoSecretSeen(suite.ledger);
  });

  it('expires_at in milliseconds is rejected naming the field; the real secret inside reaches no one', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const session = await endpoint.createSession();
    endpoint.queue(() => HttpResponse.json({ ...session, expires_at: session.expires_at * 1000 }));
    const page = renderFaultPage(suite.ledger, endpoint.url);
    await flushUntil(() => page.record.latest().status === 'error');
    expect(page.record.latest().error).toMatchObject({ kind: 'invalid_response' });
    expect(page.record.latest().error?.message).toContain('expires_at');
    expectNoSecretSeen(suite.ledger);
  });

  it('expires_at already past when it is issued (not after created) is an error of kind expired; nothing is shown', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const session = await endpoint.createSession();
    endpoint.queue(() => HttpResponse.json({ ...session, expires_at: session.created - 60 }));
    const page = renderFaultPage(suite.ledger, endpoint.url);
    await flushUntil(() => page.record.latest().status === 'error');
    expect(page.record.latest().error).toMatchObject({ kind: 'expired' });
    expectNoSecretSeen(suite.ledger);
  });

  it('a session that expired in transit (slow endpoint, short lifetime) is never shown: refused as expired, replaced on refresh()', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger, { sessionTtlSeconds: 20 });
    let late: string | undefined;
    endpoint.queue(async () => {
      const session = await endpoint.createSession();
      late = session.client_secret;
      await new Promise((resolve) => setTimeout(resolve, 25_000)); // answers 5 s after the session expired
      return HttpResponse.json(session);
    });
    const page = renderFaultPage(suite.ledger, endpoint.url);
    await flushUntil(() => late !== undefined);
    await clock.advance(25_000);
    // Not refreshed on its own: with an endpoint that slow, every new session would be the same, in a loop.
    await flushUntil(() => page.record.latest().status === 'error');
    expect(page.record.latest().error).toMatchObject({ kind: 'expired' });
    await clock.advance(minute);
    expect(endpoint.requests).toHaveLength(1);
    act(() => void page.record.latest().refresh());
    await flushUntil(() => page.record.latest().status === 'ready');
    expect(endpoint.requests).toHaveLength(2);
    expect(suite.ledger.secretsSeen()).not.toContain(late);
    expectEveryReceiverGot(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });
});
