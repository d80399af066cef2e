import { act } from '@testing-library/react';
import { dehydrate, hydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerSessionQueryKeyPrefix } from '../../src/react/query';
import type { CustomerSessionEndpoint } from '../../src/core/fetch';
import type { CustomerSession } from '../../src/core/types';
import { flushUntil } from '../helpers/advanceUntil';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';
import { expectSecretGone, MINUTE, SECRET_ATTR, setupStorefrontSuite, table } from './support/storefrontSuite';

// Issue 18, item 2: a drop in one tab drops in every tab of the origin on the same endpoint. Here the
// "other tab" is a BroadcastChannel of the test's own (Node's, which jsdom leaves in place); the
// browser suite (test/browser/signOutTabs.e2e.ts) proves it with two real pages.
const { setup, clock, server } = setupStorefrontSuite();
const endpointHref = new URL('/api/customer-session', location.href).href;

let otherTab: BroadcastChannel;
let heard: unknown[];
beforeEach(() => {
  otherTab = new BroadcastChannel(customerSessionQueryKeyPrefix);
  heard = [];
  otherTab.onmessage = ({ data }: MessageEvent) => void heard.push(data);
});
afterEach(() => otherTab.close());

/** Messages between channels travel through real event-loop turns (not faked timers): run them until `condition`. */
async function deliverUntil(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 200 && !condition(); turn++) {
    await act(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(0);
    });
  }
  expect(condition()).toBe(true);
}

const signedOut = () => Response.json({ error: { type: 'invalid_request_error', message: 'Not signed in' } }, { status: 401 });

describe('a drop here is announced to the other tabs, by endpoint only', () => {
  it.each([
    ['the provider turns enabled={false}', 'enabled'],
    ['the app removes its queries', 'removeQueries'],
    ['the app resets its queries', 'resetQueries'],
    ['the endpoint answers 401', '401'],
  ])('%s', async (_label, how) => {
    const appQueryClient = new QueryClient();
    const { endpoint, stripe, view } = setup({}, undefined, { appQueryClient });
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && stripe.calls.elements.length > 0);
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    // A refresh is no drop: it announces nothing.
    await clock.advance(25 * MINUTE);
    await flushUntil(() => endpoint.requests.length >= 2);
    await clock.advance(1000);
    expect(posted).not.toHaveBeenCalled();
    if (how === 'enabled') view.rerenderWith({ enabled: false });
    if (how === 'removeQueries') act(() => appQueryClient.removeQueries());
    if (how === 'resetQueries') act(() => void appQueryClient.resetQueries());
    if (how === '401') {
      endpoint.queue(signedOut, signedOut);
      await clock.advance(25 * MINUTE);
    }
    await flushUntil(() => posted.mock.calls.length > 0);
    // The provider's session and each element's are dropped; every message names the endpoint, nothing else.
    expect(new Set(posted.mock.calls.map(([message]) => message))).toEqual(new Set([endpointHref]));
    await deliverUntil(() => heard.length > 0);
    expect(heard.every((message) => message === endpointHref)).toBe(true);
  });
});

describe('what is no drop announces nothing', () => {
  it('the app cancels the first request (cancelQueries): nothing was shown, nothing is dropped', async () => {
    const appQueryClient = new QueryClient();
    const { endpoint } = setup({}, undefined, { appQueryClient });
    const first = endpoint.hold();
    await flushUntil(() => endpoint.requests.length > 0);
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    // Cancelling reverts the query to no data, as a reset does; but it never held a secret.
    await act(() => appQueryClient.cancelQueries());
    first.resolve();
    await clock.advance(MINUTE);
    expect(posted).not.toHaveBeenCalled();
    expect(heard).toEqual([]);
    // Nor is the query removed and asked again, as a drop would.
    expect(endpoint.requests).toHaveLength(1);
  });

  it('the app hydrates saved cache data over a live session (the session itself never saved): no drop, and the session is asked for again', async () => {
    const appQueryClient = new QueryClient();
    const { endpoint, stripe } = setup({}, undefined, { appQueryClient });
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && stripe.calls.elements.length > 0);
    const shown = table()?.getAttribute(SECRET_ATTR);
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    // What another tab or a persister would restore: JSON keeps the query, not its session.
    const saved = JSON.parse(JSON.stringify(dehydrate(appQueryClient))) as DehydratedState;
    for (const query of saved.queries) query.state.dataUpdatedAt += 1000;
    await clock.advance(2000);
    act(() => hydrate(appQueryClient, saved));
    await clock.advance(MINUTE);
    expect(posted).not.toHaveBeenCalled();
    expect(heard).toEqual([]);
    // Blanked, not signed out: asked for again at once (one request for the provider's and each element's), never left without a session.
    expect(endpoint.requests).toHaveLength(2);
    await flushUntil(() => table()?.getAttribute(SECRET_ATTR) !== shown && table()?.hasAttribute(SECRET_ATTR) === true);
    await clock.advance(40 * MINUTE);
    expect(table()?.getAttribute(SECRET_ATTR)).toMatch(/^cuss_secret_/);
    // Then the refresh round 25 minutes on (a request per session at most), no loop.
    expect(endpoint.requests.length).toBeLessThanOrEqual(6);
  });
});

describe('a drop in another tab drops here', () => {
  it('for this endpoint: the shown secret goes at once, the endpoint is asked again, and its answer is shown', async () => {
    const { endpoint, stripe } = setup();
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && stripe.calls.elements.length > 0);
    const first = table()?.getAttribute(SECRET_ATTR);
    const answer = endpoint.hold();
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    // Another endpoint's drop first: it changes nothing here (and arrives before the second message).
    otherTab.postMessage(new URL('/api/other-shop/customer-session', location.href).href);
    otherTab.postMessage(endpointHref);
    await deliverUntil(() => stripe.calls.elements.length > 1 && endpoint.requests.length === 2);
    expectSecretGone(stripe, first);
    answer.resolve();
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && stripe.calls.update.length === 1);
    expect(table()?.getAttribute(SECRET_ATTR)).not.toBe(first);
    expect(stripe.calls.elements).toHaveLength(2);
    expect(endpoint.requests).toHaveLength(2);
    // Dropping for another tab announced nothing back (no ping-pong between tabs).
    expect(posted.mock.contexts.filter((channel) => channel !== otherTab)).toEqual([]);
  });

  it('the next answer is a 401 (signed out everywhere): the customer stays dropped, with no loop', async () => {
    const { endpoint, stripe } = setup();
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && stripe.calls.elements.length > 0);
    const first = table()?.getAttribute(SECRET_ATTR);
    endpoint.queue(signedOut);
    otherTab.postMessage(endpointHref);
    await deliverUntil(() => endpoint.requests.length === 2 && stripe.calls.elements.length > 1);
    await clock.advance(60 * MINUTE);
    expectSecretGone(stripe, first);
    expect(endpoint.requests).toHaveLength(2);
    expect(heard).toEqual([]);
  });
});

describe('function endpoints', () => {
  it('have no name across tabs: a drop is announced as null, and null drops the sessions of every function endpoint', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const ask: CustomerSessionEndpoint = async ({ components, signal }) =>
      (await (await fetch(endpoint.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ components }), signal })).json()) as CustomerSession;
    const recorder = createSessionRecorder();
    const ready = () => recorder.latest().status === 'ready';
    const view = renderWithProvider(<recorder.ContextProbe />, { endpoint: ask, components: ['pricing_table'] });
    await flushUntil(ready);
    const first = recorder.latest().clientSecret;
    otherTab.postMessage(endpointHref); // a URL endpoint's drop: not this one
    otherTab.postMessage(null);
    await deliverUntil(() => endpoint.requests.length === 2);
    await flushUntil(() => ready() && recorder.latest().clientSecret !== first);
    expect(endpoint.requests).toHaveLength(2);

    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    view.rerenderWith({ enabled: false });
    await flushUntil(() => posted.mock.calls.length > 0);
    expect(posted.mock.calls).toEqual([[null]]);
  });
});

describe('URL endpoints are named by origin and path across tabs', () => {
  it('a drop for the same path with other query parameters (another locale) drops here too, and a drop here is announced without them', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    const ready = () => recorder.latest().status === 'ready';
    const view = renderWithProvider(<recorder.ContextProbe />, { endpoint: `${endpoint.url}?locale=en`, components: ['pricing_table'] });
    await flushUntil(ready);
    const first = recorder.latest().clientSecret;
    const path = new URL(endpoint.url, location.href).href;
    // The tab in French signed out: its endpoint is `?locale=fr`, announced by origin and path.
    otherTab.postMessage(path);
    await deliverUntil(() => endpoint.requests.length === 2);
    await flushUntil(() => ready() && recorder.latest().clientSecret !== first);

    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage');
    view.rerenderWith({ enabled: false });
    await flushUntil(() => posted.mock.calls.length > 0);
    expect(posted.mock.calls).toEqual([[path]]);
  });
});
