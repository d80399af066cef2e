import { act } from '@testing-library/react';
import { HttpResponse, type JsonBodyType } from 'msw';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import type { Responder } from '../helpers/sessionEndpoint';
import type { CustomerSession } from '../../src/core/types';
import { everyElementHasASecret, expectNoBadSecrets, expectNoSecretSeen, expectOwnSecrets } from './support/expectations';
import { createFaultEndpoint, sessionsOf, type FaultEndpoint } from './support/faultEndpoint';
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

/** The page is whole again: the provider's session is ready and every element has a secret of its own. */
const recovered = (page: ReturnType<typeof renderFaultPage>) => () => page.record.latest().status === 'ready' && everyElementHasASecret(suite.ledger);

/**
 * Answers each session the request asks for (one, or a batch) with a real session from the
 * emulator, altered by `alter`, in the form asked for; `onCreated` sees them before the answer.
 */
function alteredSessions(endpoint: FaultEndpoint, alter: (session: CustomerSession) => JsonBodyType, onCreated?: (sessions: CustomerSession[]) => Promise<void> | void): Responder {
  return async (request) => {
    const body: unknown = await request.json();
    const sessions = await Promise.all(sessionsOf(body).map(() => endpoint.createSession()));
    await onCreated?.(sessions);
    const answers = sessions.map(alter);
    return HttpResponse.json((body as { sessions?: unknown }).sessions ? { sessions: answers } : answers[0]);
  };
}

/** On first load the fault page asks for five sessions in one request: the provider's, then one per element. */
const firstLoad = [['buy_button', 'payment_element', 'pricing_table'], ['pricing_table'], ['payment_element'], ['pricing_table'], ['buy_button']];

describe('fault: endpoint 500s', () => {
  it('a burst of 500s over three attempts: every session is retried after 1 s, 2 s and 4 s, then the sessions land everywhere', async () => {
    const { endpoint, page, status } = open();
    endpoint.setOutage(serverError);
    await flushUntil(() => endpoint.requests.length === 1);
    expect(endpoint.requests[0]?.body).toEqual({ sessions: firstLoad });
    // Each session retries on its own schedule: one request each.
    for (const [wait, requests] of [[1000, 6], [2000, 11]] as const) {
      expect(status()).toBe('pending');
      await clock.advance(wait);
      await flushUntil(() => endpoint.requests.length === requests);
    }
    endpoint.setOutage(null);
    await clock.advance(3999);
    expect(status()).toBe('pending');
    expect(endpoint.requests).toHaveLength(11);
    await clock.advance(1);
    await flushUntil(recovered(page));
    expect(endpoint.requests).toHaveLength(16);
    // Four attempts for each of the five sessions, no more.
    expect(endpoint.sessionsAsked()).toHaveLength(20);
    expect(endpoint.sessionsAsked().filter((components) => components.length === 3)).toHaveLength(4);
    expect(page.record.states.some((s) => s.status === 'error')).toBe(false);
    expectOwnSecrets(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });

  it('a burst longer than the retries ends in error (components anonymous), then the page recovers on refresh()', async () => {
    const { endpoint, page, status } = open();
    endpoint.setOutage(serverError);
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(7000);
    await flushUntil(() => status() === 'error');
    expect(endpoint.sessionsAsked()).toHaveLength(20);
    expect(page.record.latest()).toMatchObject({ clientSecret: null, session: null, error: { kind: 'http', status: 500 } });
    // Checkout is not blocked: the components render without a customer.
    expect(page.stripe.calls.elements).toHaveLength(1);
    expect(document.querySelector('stripe-pricing-table')?.hasAttribute('customer-session-client-secret')).toBe(false);
    expectNoSecretSeen(suite.ledger);
    await clock.advance(minute);
    expect(endpoint.requests).toHaveLength(16); // no retry loop

    endpoint.setOutage(null);
    await act(() => page.record.latest().refresh());
    await flushUntil(recovered(page));
    // The provider's refresh() renews the elements' own sessions (which failed too) with it: one request.
    expect(endpoint.requests).toHaveLength(17);
    const byContent = (lists: string[][]) => lists.map((list) => list.join()).sort();
    expect(byContent(sessionsOf(endpoint.requests[16]?.body))).toEqual(byContent(firstLoad));
    expectOwnSecrets(suite.ledger, page.record.latest().clientSecret);
    expect(page.stripe.calls.elements).toHaveLength(1); // upgraded in place, not remounted
    expectNoBadSecrets(suite.ledger);
  });

  it('a burst during a refresh keeps the current secret until it expires, never after, and recovers on the next wake-up', async () => {
    const { endpoint, page, status } = open();
    await flushUntil(recovered(page));
    const first = page.record.latest().clientSecret;
    const table = () => document.querySelector('stripe-pricing-table')?.getAttribute('customer-session-client-secret');
    const firstTable = table();
    endpoint.setOutage(serverError);
    await clock.advance(25 * minute);
    await clock.advance(7000);
    await flushUntil(() => status() === 'error');
    expect(page.record.latest().clientSecret).toBe(first); // still valid for almost 5 minutes
    expect(table()).toBe(firstTable); // the rendered table keeps its secret in its window
    expect(endpoint.requests).toHaveLength(1 + 4 * 5); // four attempts for each of the five sessions
    // Minute by minute to the expiry: the web components follow their failed sessions, which ask nothing more.
    await clock.advance(minute - 7000);
    for (let m = 26; m < 29; m++) await clock.advance(minute);
    expect(table()).toBe(firstTable);
    await clock.advance(minute);
    expect(page.record.latest()).toMatchObject({ status: 'error', clientSecret: null, session: null });
    // Expired: the table is re-created for a guest.
    expect(document.querySelector('stripe-pricing-table')).not.toBeNull();
    expect(table()).toBeNull();
    expect(endpoint.requests).toHaveLength(1 + 4 * 5);
    const asked = endpoint.requests.length;
    await clock.advance(10 * minute);
    expect(endpoint.requests).toHaveLength(asked); // no retry loop after the failed refreshes

    endpoint.setOutage(null);
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    await flushUntil(recovered(page));
    expect(page.record.latest().clientSecret).not.toBe(first);
    // The wake-up refetches every failed session at once: one request.
    expect(endpoint.requests).toHaveLength(asked + 1);
    await flushUntil(() => table() !== firstTable && table() != null);
    expectOwnSecrets(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });
});

describe('fault: wake-ups', () => {
  it('failed sessions are fetched again when the window gets focus, not when an element on the page does: all in one request', async () => {
    const { endpoint, page, status } = open();
    endpoint.setOutage(serverError);
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(7000);
    await flushUntil(() => status() === 'error');
    endpoint.setOutage(null);
    const input = document.body.appendChild(document.createElement('input'));
    await act(async () => {
      input.focus();
      input.dispatchEvent(new FocusEvent('focus'));
    });
    await clock.advance(1000);
    expect(endpoint.requests).toHaveLength(16);

    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    await flushUntil(recovered(page));
    expect(endpoint.requests).toHaveLength(17);
    const byContent = (lists: string[][]) => lists.map((list) => list.join()).sort();
    expect(byContent(sessionsOf(endpoint.requests[16]?.body))).toEqual(byContent(firstLoad));
    input.remove();
    expectOwnSecrets(suite.ledger, page.record.latest().clientSecret);
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
    await flushUntil(recovered(page));
    // Every session of the refused batch tries again then, each on its own.
    expect(endpoint.requests.slice(1).map((r) => r.body)).toEqual(firstLoad.map((components) => ({ components })));
    expectOwnSecrets(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });

  it('does not retry when Retry-After asks for more than a minute; reports the 429 instead', async () => {
    const { endpoint, page, status } = open(tooManyRequests('120'));
    await flushUntil(() => status() === 'error');
    await clock.advance(5 * minute);
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.sessionsAsked()).toHaveLength(5);
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

  it('a 502 HTML page from a proxy is transient: retried, then the sessions arrive', async () => {
    const { endpoint, page, status } = open(htmlPage(502));
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(999);
    expect(status()).toBe('pending');
    await clock.advance(1);
    await flushUntil(recovered(page));
    expect(endpoint.requests).toHaveLength(1 + 5);
    expectOwnSecrets(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });
});

describe('fault: malformed sessions', () => {
  it('truncated JSON is an invalid_response whose message does not echo the body; the cut-off secrets reach no one', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const secrets: string[] = [];
    endpoint.queue(async (request) => {
      const body = await (await alteredSessions(endpoint, (session) => session, (sessions) => void secrets.push(...sessions.map((s) => s.client_secret)))(request)).text();
      return new HttpResponse(body.slice(0, body.length - 25), { headers: { 'Content-Type': 'application/json' } });
    });
    const page = renderFaultPage(suite.ledger, endpoint.url);
    await flushUntil(() => page.record.latest().status === 'error');
    const { error } = page.record.latest();
    expect(error).toMatchObject({ kind: 'invalid_response' });
    expect(error?.message).toMatch(/JSON/);
    expect(secrets).toHaveLength(5);
    for (const secret of secrets) expect(error?.message).not.toContain(secret);
    expect(endpoint.requests).toHaveLength(1);
    expectNoSecretSeen(suite.ledger);
  });

  it('expires_at in milliseconds is rejected naming the field; the real secrets inside reach no one', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger);
    endpoint.queue(alteredSessions(endpoint, (session) => ({ ...session, expires_at: session.expires_at * 1000 })));
    const page = renderFaultPage(suite.ledger, endpoint.url);
    await flushUntil(() => page.record.latest().status === 'error');
    expect(suite.ledger.issuedCount()).toBe(5);
    expect(page.record.latest().error).toMatchObject({ kind: 'invalid_response' });
    expect(page.record.latest().error?.message).toContain('expires_at');
    expectNoSecretSeen(suite.ledger);
  });

  it('expires_at already past when it is issued (not after created) is an error of kind expired; nothing is shown', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger);
    endpoint.queue(alteredSessions(endpoint, (session) => ({ ...session, expires_at: session.created - 60 })));
    const page = renderFaultPage(suite.ledger, endpoint.url);
    await flushUntil(() => page.record.latest().status === 'error');
    expect(suite.ledger.issuedCount()).toBe(5);
    expect(page.record.latest().error).toMatchObject({ kind: 'expired' });
    expectNoSecretSeen(suite.ledger);
  });

  it('sessions that expired in transit (slow endpoint, short lifetime) are never shown: refused as expired, replaced on refresh()', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger, { sessionTtlSeconds: 20 });
    const late: string[] = [];
    endpoint.queue(
      alteredSessions(
        endpoint,
        (session) => session,
        async (sessions) => {
          late.push(...sessions.map((s) => s.client_secret));
          await new Promise((resolve) => setTimeout(resolve, 25_000)); // answers 5 s after the sessions expired
        },
      ),
    );
    const page = renderFaultPage(suite.ledger, endpoint.url);
    await flushUntil(() => late.length === 5);
    await clock.advance(25_000);
    // Not refreshed on its own: with an endpoint that slow, every new session would be the same, in a loop.
    await flushUntil(() => page.record.latest().status === 'error');
    expect(page.record.latest().error).toMatchObject({ kind: 'expired' });
    await clock.advance(minute);
    expect(endpoint.requests).toHaveLength(1);
    act(() => void page.record.latest().refresh());
    await flushUntil(recovered(page));
    // The provider's session and the elements', together.
    expect(endpoint.requests.map((r) => sessionsOf(r.body).length)).toEqual([5, 5]);
    expect(suite.ledger.secretsSeen().filter((secret) => late.includes(secret))).toEqual([]);
    expectOwnSecrets(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });
});
