import { act, render } from '@testing-library/react';
import { onlineManager } from '@tanstack/react-query';
import { flushUntil } from '../helpers/advanceUntil';
import { captureConsole } from '../helpers/captureConsole';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import type { Responder } from '../helpers/sessionEndpoint';
import { everyElementHasASecret, expectNoBadSecrets, expectNoSecretSeen, expectOwnSecrets } from './support/expectations';
import { createFaultEndpoint, sessionsOf } from './support/faultEndpoint';
import { faultProvider, renderFaultPage, type PageRecord } from './support/faultPage';
import { setupFaultSuite } from './support/setupFaultSuite';

const server = setupMswServer();
const clock = installFakeClock();
const minute = 60_000;

const suite = setupFaultSuite({ silenceWarnings: true });
afterEach(() => {
  Reflect.deleteProperty(document, 'visibilityState');
  onlineManager.setOnline(true); // TanStack Query's online state is page-wide
});

const isReady = (record: PageRecord) => () => record.latest().status === 'ready';
/** The page is whole: the provider's session is ready and every element has a secret of its own. */
const isWhole = (record: PageRecord, endpoint?: string) => () => isReady(record)() && everyElementHasASecret(suite.ledger, endpoint);
/** An endpoint that never answers: the request hangs until the client gives up on it. */
const hang: Responder = (request) => new Promise((resolve) => request.signal.addEventListener('abort', () => resolve(new Response(null, { status: 499 }))));
const tableSecret = () => document.querySelector('stripe-pricing-table')?.getAttribute('customer-session-client-secret');
const fire = (target: EventTarget, type: string) => act(async () => void target.dispatchEvent(new Event(type)));
function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  return fire(document, 'visibilitychange');
}

function openPage(options: Parameters<typeof createFaultEndpoint>[2] = {}) {
  const endpoint = createFaultEndpoint(server, suite.ledger, options);
  const page = renderFaultPage(suite.ledger, endpoint.url);
  return { endpoint, page, ready: isReady(page.record), whole: isWhole(page.record) };
}

describe('fault: timeouts', () => {
  it('a hung request is given up after 30 s and retried; the retry brings the session', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const hung = endpoint.hold();
    const page = renderFaultPage(suite.ledger, endpoint.url);
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(30_000 - 1);
    expect(endpoint.requests[0]?.signal.aborted).toBe(false);
    expect(page.record.latest().status).toBe('pending');
    await clock.advance(1);
    await flushUntil(() => endpoint.requests[0]?.signal.aborted === true);
    await clock.advance(1000);
    await flushUntil(isWhole(page.record));
    // The hung request held all five sessions; each retried on its own.
    expect(endpoint.requests).toHaveLength(1 + 5);
    expect(endpoint.sessionsAsked()).toHaveLength(10);
    expectOwnSecrets(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
    hung.resolve();
  });

  it('a hung request is aborted when the page unmounts, with no state update or warning after it', async () => {
    const consoleCalls = captureConsole();
    const endpoint = createFaultEndpoint(server, suite.ledger);
    const hung = endpoint.hold();
    const page = renderFaultPage(suite.ledger, endpoint.url);
    await flushUntil(() => endpoint.requests.length === 1);
    const rendered = page.record.states.length;
    page.unmount();
    await clock.advance(0);
    expect(endpoint.requests[0]?.signal.aborted).toBe(true);
    hung.resolve();
    await clock.advance(minute);
    expect(endpoint.requests).toHaveLength(1);
    expect(page.record.states).toHaveLength(rendered);
    expect(consoleCalls.calls.filter((c) => c.level !== 'warn' || !String(c.args[0]).includes('enable'))).toEqual([]);
    expectNoSecretSeen(suite.ledger);
  });

  it('a refresh whose every attempt hangs ends in error before expiry, withholds the secret at expiry, and recovers on wake', async () => {
    const { endpoint, page, ready, whole } = openPage();
    await flushUntil(whole);
    const first = page.record.latest().clientSecret;
    endpoint.setOutage(hang);
    await clock.advance(25 * minute);
    // 4 attempts of 30 s each, 1 s + 2 s + 4 s apart, for each of the five sessions
    await clock.advance(4 * 30_000 + 7000);
    await flushUntil(() => page.record.latest().status === 'error');
    expect(endpoint.requests).toHaveLength(1 + 4 * 5);
    expect(endpoint.requests.slice(1).every((r) => r.signal.aborted)).toBe(true);
    expect(page.record.latest()).toMatchObject({ clientSecret: first, error: { kind: 'network' } });
    await clock.advance(30 * minute - (25 * minute + 127_000));
    expect(page.record.latest()).toMatchObject({ status: 'error', clientSecret: null });
    await clock.advance(3 * minute); // nothing asks again meanwhile: the web components follow their failed sessions
    expect(endpoint.requests).toHaveLength(1 + 4 * 5);
    expect(endpoint.requests.every((r, index) => index === 0 || r.signal.aborted)).toBe(true);
    const asked = endpoint.requests.length;
    endpoint.setOutage(null);
    await fire(window, 'focus');
    await flushUntil(() => ready() && everyElementHasASecret(suite.ledger) && page.record.latest().clientSecret !== first);
    // The wake-up asks for every failed session in one request.
    expect(endpoint.requests).toHaveLength(asked + 1);
    expect(sessionsOf(endpoint.requests.at(-1)?.body)).toHaveLength(5);
    expectNoBadSecrets(suite.ledger);
  });
});

describe('fault: clock skew', () => {
  it.each([
    ['ahead', 10 * minute],
    ['behind', -10 * minute],
  ])('a browser clock 10 minutes %s of the server still refreshes before every server expiry, three windows running', async (_label, clientAheadMs) => {
    const { endpoint, page, ready, whole } = openPage({ clientAheadMs });
    await flushUntil(whole);
    for (let window = 1; window <= 3; window++) {
      const { expiresAt, session, clientSecret } = page.record.latest();
      // On the local clock: the server's expiry shifted by the skew, 1 s early (`created` is whole seconds).
      expect(expiresAt?.getTime()).toBe((session?.expires_at ?? 0) * 1000 + clientAheadMs - 1000);
      await clock.advance(25 * minute);
      await flushUntil(() => ready() && page.record.latest().clientSecret !== clientSecret);
    }
    // The first load's five sessions in one request, then each session's own refresh in every window.
    expect(endpoint.requests).toHaveLength(1 + 3 * 5);
    expect(endpoint.sessionsAsked()).toHaveLength(5 + 3 * 5);
    expect(page.record.states.some((s) => s.status === 'expired')).toBe(false);
    expectOwnSecrets(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger); // no element ever held a secret past its server expiry
  });
});

describe('fault: tab asleep for an hour', () => {
  it('withholds the expired secret the moment the page runs again, even before any wake-up event, then refreshes on visibility', async () => {
    const { endpoint, page, ready, whole } = openPage();
    await flushUntil(whole);
    const first = page.record.latest().clientSecret;
    const firstTable = tableSecret();
    await setVisibility('hidden');
    vi.setSystemTime(Date.now() + 60 * minute); // asleep: no timer ran meanwhile
    // Something unrelated re-renders the page before the wake-up events and late timers arrive.
    act(() => page.rerenderPage());
    expect(page.record.latest().clientSecret).toBeNull();
    await setVisibility('visible');
    await flushUntil(() => ready() && page.record.latest().clientSecret !== first);
    // The wake-up refetches all five sessions at once: one request.
    expect(endpoint.requests).toHaveLength(2);
    expect(sessionsOf(endpoint.requests[1]?.body)).toHaveLength(5);
    // The pricing table's rendered secret outlived its 30-minute window during the sleep: re-created
    // now with its own session's new secret, not when its late timer fires.
    await flushUntil(() => tableSecret() != null && tableSecret() !== firstTable);
    expect(endpoint.requests).toHaveLength(2);
    expectOwnSecrets(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });
});

describe('fault: offline → online', () => {
  it('offline during a refresh: the secret is kept while valid, withheld at expiry, and replaced when back online', async () => {
    const { endpoint, page, ready, whole } = openPage();
    await flushUntil(whole);
    const first = page.record.latest().clientSecret;
    endpoint.setOffline(true);
    await fire(window, 'offline');
    await clock.advance(25 * minute);
    expect(page.record.latest()).toMatchObject({ status: 'refreshing', clientSecret: first });
    await clock.advance(5 * minute);
    expect(page.record.latest()).toMatchObject({ status: 'expired', clientSecret: null, session: null });
    await clock.advance(30 * minute);
    expect(endpoint.offlineAttempts()).toBe(0);

    endpoint.setOffline(false);
    await fire(window, 'online');
    await flushUntil(() => ready() && page.record.latest().clientSecret !== first);
    // Every paused refresh continues with the online event: one request.
    expect(endpoint.requests).toHaveLength(2);
    expect(sessionsOf(endpoint.requests[1]?.body)).toHaveLength(5);
    expectOwnSecrets(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });

  it('offline at first load: requests fail and are retried, components render anonymously, the session arrives with the online event', async () => {
    const endpoint = createFaultEndpoint(server, suite.ledger);
    endpoint.setOffline(true); // before TanStack Query has heard any offline event: it tries
    const page = renderFaultPage(suite.ledger, endpoint.url);
    await flushUntil(() => endpoint.offlineAttempts() === 1);
    await clock.advance(7000);
    await flushUntil(() => page.record.latest().status === 'error');
    // The first request held all five sessions; each then retried on its own.
    expect(endpoint.offlineAttempts()).toBe(1 + 3 * 5);
    expect(page.record.latest().error).toMatchObject({ kind: 'network' });
    expect(page.stripe.calls.elements).toEqual([expect.not.objectContaining({ customerSessionClientSecret: expect.anything() })]);
    expectNoSecretSeen(suite.ledger);

    endpoint.setOffline(false);
    await fire(window, 'online');
    await flushUntil(isWhole(page.record));
    expect(endpoint.requests).toHaveLength(1);
    expect(sessionsOf(endpoint.requests[0]?.body)).toHaveLength(5);
    expectOwnSecrets(suite.ledger, page.record.latest().clientSecret);
    expectNoBadSecrets(suite.ledger);
  });
});

describe('fault: two providers with different endpoints on one page', () => {
  it('keeps sessions, schedules, refreshes and Stripe components apart (side by side)', async () => {
    const shopA = createFaultEndpoint(server, suite.ledger, { url: '/api/shop-a/customer-session' });
    const shopB = createFaultEndpoint(server, suite.ledger, { url: '/api/shop-b/customer-session', sessionTtlSeconds: 600 });
    const a = faultProvider(suite.ledger, shopA.url);
    const b = faultProvider(suite.ledger, shopB.url);
    render(
      <>
        {a.element}
        {b.element}
      </>,
    );
    await flushUntil(() => isWhole(a.record, shopA.url)() && isWhole(b.record, shopB.url)());
    expect(a.record.latest().session?.customer).toBe(shopA.customerId);
    expect(b.record.latest().session?.customer).toBe(shopB.customerId);

    // 60 minutes: A (30-minute sessions) refreshes at 25 and 50; B (10-minute sessions) every 5 minutes.
    for (let m = 0; m < 60; m++) await clock.advance(minute);
    await flushUntil(() => isReady(a.record)() && isReady(b.record)());
    // Five sessions each (the state's, four elements'), each refreshed on its own.
    expect(shopA.sessionsAsked()).toHaveLength(5 * 3);
    expect(shopB.sessionsAsked()).toHaveLength(5 * 13);
    const bRequests = shopB.requests.length;

    const bRenders = b.record.states.length;
    const bUpdates = b.stripe.calls.update.length;
    const aSecret = a.record.latest().clientSecret;
    await act(() => a.record.latest().refresh());
    await flushUntil(() => isReady(a.record)() && a.record.latest().clientSecret !== aSecret);
    expect(shopB.requests).toHaveLength(bRequests);
    expect(b.record.states).toHaveLength(bRenders);
    expect(b.stripe.calls.update).toHaveLength(bUpdates);

    const seenA = new Set(suite.ledger.sightings.filter((s) => s.endpoint === shopA.url).map((s) => s.secret));
    const seenB = new Set(suite.ledger.sightings.filter((s) => s.endpoint === shopB.url).map((s) => s.secret));
    expect([...seenA].filter((secret) => seenB.has(secret))).toEqual([]);
    // A's refresh() renewed its five sessions in one request; its web components follow their
    // sessions, so every secret A was given is shown.
    expect(sessionsOf(shopA.requests.at(-1)?.body)).toHaveLength(5);
    expect(seenA.size).toBe(shopA.sessionsAsked().length);
    expectOwnSecrets(suite.ledger, a.record.latest().clientSecret, { endpoint: shopA.url });
    expectOwnSecrets(suite.ledger, b.record.latest().clientSecret, { endpoint: shopB.url });
    expectNoBadSecrets(suite.ledger); // includes: nobody under A ever got one of B's secrets, and vice versa
  });

  it('nested: consumers and components inside the inner provider get only its session', async () => {
    const outer = createFaultEndpoint(server, suite.ledger, { url: '/api/outer/customer-session' });
    const inner = createFaultEndpoint(server, suite.ledger, { url: '/api/inner/customer-session' });
    const innerProvider = faultProvider(suite.ledger, inner.url);
    const outerProvider = faultProvider(suite.ledger, outer.url, {}, innerProvider.element);
    render(<>{outerProvider.element}</>);
    await flushUntil(() => isWhole(outerProvider.record, outer.url)() && isWhole(innerProvider.record, inner.url)());
    expect(outerProvider.record.latest().clientSecret).not.toBe(innerProvider.record.latest().clientSecret);
    expect(innerProvider.record.latest().session?.customer).toBe(inner.customerId);
    // One request per provider, each for its own state session and its own four elements.
    expect(outer.requests.map((r) => sessionsOf(r.body).length)).toEqual([5]);
    expect(inner.requests.map((r) => sessionsOf(r.body).length)).toEqual([5]);
    expectOwnSecrets(suite.ledger, innerProvider.record.latest().clientSecret, { endpoint: inner.url });
    expectOwnSecrets(suite.ledger, outerProvider.record.latest().clientSecret, { endpoint: outer.url });
    expectNoBadSecrets(suite.ledger);
  });
});
