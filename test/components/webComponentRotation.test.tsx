import { act, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { ComponentName } from '../../src/core/componentNames';
import { BuyButton, PricingTable } from '../../src/react/webComponents';
import { flushUntil } from '../helpers/advanceUntil';
import { providerTree, renderWithProvider, type ProviderTestProps } from '../helpers/renderWithProvider';
import { createSessionEndpoint, type SessionEndpointOptions } from '../helpers/sessionEndpoint';
import { MINUTE, SECRET_ATTR, setupStorefrontSuite, table, refused, wakeUp } from './support/storefrontSuite';

// The pricing table renders its own session's secret; these tests drive that session through the
// real provider, the app's endpoint (MSW over the real handler and emulator) and a fake clock.
const { server, clock } = setupStorefrontSuite();
const ui = <PricingTable pricingTableId="prctbl_rotation" />;
const secret = () => table()?.getAttribute(SECRET_ATTR) ?? null;

/** Every secret the endpoint answered for a session enabling the pricing table alone (the table's own), in order. */
function tableSecretsAnswered(): string[] {
  const secrets: string[] = [];
  server.events.on('response:mocked', ({ response }) => {
    void response
      .clone()
      .json()
      .then((body: { sessions?: unknown[] }) => {
        for (const session of (body.sessions ?? [body]) as { client_secret?: string; components?: Record<string, { enabled: boolean }> }[]) {
          const enabled = Object.entries(session.components ?? {}).filter(([, component]) => component.enabled);
          if (session.client_secret && enabled.length === 1 && enabled[0]?.[0] === 'pricing_table') secrets.push(session.client_secret);
        }
      });
  });
  return secrets;
}

/** The table under a provider whose own session enables pricing_table and buy_button (so the table's session is told apart). */
async function renderTable(endpointOptions: SessionEndpointOptions = {}, props: ProviderTestProps = {}) {
  const endpoint = createSessionEndpoint(endpointOptions);
  server.use(endpoint.handler);
  const answered = tableSecretsAnswered();
  const components: ComponentName[] = ['pricing_table', 'buy_button'];
  const view = renderWithProvider(ui, { components, publishableKey: 'pk_test_rotation', ...props });
  await flushUntil(() => table() !== null);
  return { endpoint, view, answered, first: table(), rendered: secret() };
}

/** Every pricing table inserted from now on: its secret, and when (fake clock). */
function recordInserts(): { secret: string | null; at: number }[] {
  const inserted: { secret: string | null; at: number }[] = [];
  const observer = new MutationObserver((records) => {
    for (const node of records.flatMap((record) => [...record.addedNodes])) {
      if (node instanceof Element && node.matches('stripe-pricing-table')) inserted.push({ secret: node.getAttribute(SECRET_ATTR), at: Date.now() });
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  onTestFinished(() => observer.disconnect());
  return inserted;
}

describe('web component rotation policy', () => {
  it('follows its own session: re-created with each fresh secret its session refreshes to, within 30 minutes of the last render, never before', async () => {
    // 30-minute sessions (Stripe's), refreshed 5 minutes before they expire.
    const inserted = recordInserts();
    const { answered, first, rendered } = await renderTable();
    const start = Date.now();
    expect(rendered).toBe(answered[0]);

    await clock.advance(24 * MINUTE);
    expect(answered).toHaveLength(1);
    expect(table()).toBe(first);
    expect(first?.getAttribute(SECRET_ATTR)).toBe(rendered);

    await clock.advance(2 * MINUTE);
    const second = table();
    expect(second).not.toBe(first);
    expect(first?.isConnected).toBe(false);
    expect(secret()).toBe(answered[1]);
    expect(document.querySelectorAll('stripe-pricing-table')).toHaveLength(1);

    await clock.advance(60 * MINUTE);
    // One element per secret of its session, each put in as it arrived: every render replaced within its 30 minutes.
    expect(inserted.map((insert) => insert.secret)).toEqual(answered);
    expect(new Set(answered).size).toBe(answered.length);
    expect(answered).toHaveLength(4);
    const renders = [start, ...inserted.slice(1).map((insert) => insert.at)];
    for (const [index, at] of renders.slice(1).entries()) expect(at - (renders[index] ?? 0)).toBeLessThan(26 * MINUTE);
  });

  it('when the provider’s session stops enabling the table, re-creates it anonymously at once; enabled again, with a fresh secret, never the one it rendered', async () => {
    const { view, first, rendered } = await renderTable();
    const inserted = recordInserts();
    await clock.advance(MINUTE);
    view.rerenderWith({ components: ['buy_button'] });
    await flushUntil(() => table() !== first);
    expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(document.body.innerHTML).not.toContain(rendered);

    view.rerenderWith({ components: ['pricing_table', 'buy_button'] });
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true);
    expect(secret()).toMatch(/^cuss_secret_/);
    expect(inserted.filter((insert) => insert.secret === rendered)).toHaveLength(0);
  });

  it('while its session’s secret is expired and a fresh one is on its way, keeps the element and re-creates it the moment the fresh one lands', async () => {
    // Refreshed 10 s before expiry; those requests (the provider's and the table's) hang past the
    // expiry, time out at 30:20, and their retries land.
    const { endpoint, first, rendered, answered } = await renderTable({}, { refreshMarginMs: 10_000 });
    const held = [endpoint.hold(), endpoint.hold()];
    await clock.advance(30 * MINUTE + 5_000);
    expect(endpoint.requests.map((request) => request.body)).toContainEqual({ components: ['pricing_table'] });
    expect(answered).toHaveLength(1);
    expect(table()).toBe(first);
    expect(first?.getAttribute(SECRET_ATTR)).toBe(rendered);

    await clock.advance(30_000);
    await flushUntil(() => table() !== first);
    expect(secret()).toMatch(/^cuss_secret_/);
    expect(secret()).not.toBe(rendered);
    expect(secret()).toBe(answered.at(-1));
    for (const hold of held) hold.resolve();
  });

  it('when its session’s refresh fails, keeps the element while the secret is good, then re-creates it anonymously once it expires', async () => {
    const { endpoint, first, rendered } = await renderTable();
    endpoint.queue(...Array.from({ length: 6 }, () => refused));
    await clock.advance(29 * MINUTE);
    // Refused at 25 minutes (and again), but the secret is good for another minute.
    expect(table()).toBe(first);
    expect(first?.getAttribute(SECRET_ATTR)).toBe(rendered);

    await clock.advance(MINUTE);
    expect(table()).not.toBe(first);
    expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(document.body.innerHTML).not.toContain(rendered);
  });

  it('upgrades an anonymous element to the customer as soon as a secret arrives', async () => {
    const endpoint = createSessionEndpoint();
    endpoint.queue(refused);
    server.use(endpoint.handler);
    renderWithProvider(ui, { components: ['pricing_table', 'buy_button'], publishableKey: 'pk_test_rotation' });
    await flushUntil(() => table() !== null);
    const anonymous = table();
    expect(anonymous?.hasAttribute(SECRET_ATTR)).toBe(false);

    await clock.advance(2 * MINUTE);
    wakeUp();
    await flushUntil(() => table() !== anonymous);
    const upgraded = secret();
    expect(upgraded).toMatch(/^cuss_secret_/);
    // Then it follows its session: kept until that session refreshes.
    await clock.advance(20 * MINUTE);
    expect(secret()).toBe(upgraded);
  });

  it.each([
    ['the session was removed (sign-out)', false],
    ['the session was removed and the next one failed', true],
  ])('drops a rendered secret at once when %s, then takes the next customer’s at once', async (_name, nextFails) => {
    const appQueryClient = new QueryClient();
    const { endpoint, first, rendered } = await renderTable({}, { appQueryClient });
    await clock.advance(MINUTE);
    const held = nextFails ? null : endpoint.hold();
    if (nextFails) endpoint.queue(refused);
    act(() => appQueryClient.removeQueries());
    await flushUntil(() => table() !== first);
    const anonymous = table();
    expect(first?.isConnected).toBe(false);
    expect(anonymous?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(document.body.innerHTML).not.toContain(rendered);

    if (held) held.resolve();
    else {
      // An anonymous element has no window to watch: nothing re-creates it meanwhile.
      await clock.advance(30 * MINUTE);
      expect(table()).toBe(anonymous);
      wakeUp();
    }
    await flushUntil(() => table() !== anonymous);
    expect(secret()).toMatch(/^cuss_secret_/);
    expect(secret()).not.toBe(rendered);
  });

  it('after a sleep past expiry, waits for a fresh secret instead of re-creating it with the expired one', async () => {
    const { first, rendered } = await renderTable();
    const inserted = recordInserts();
    vi.setSystemTime(Date.now() + 4 * 60 * MINUTE); // the laptop slept: the clock moved, no timer ran
    await clock.advance(MINUTE); // the session's timers fire late
    wakeUp(); // and the page that slept wakes up
    await flushUntil(() => table() !== first);
    expect(inserted).toHaveLength(1);
    expect(inserted[0]?.secret).toMatch(/^cuss_secret_/);
    expect(inserted[0]?.secret).not.toBe(rendered);
    expect(secret()).toBe(inserted[0]?.secret);
  });

  it.each([
    ['pricingTableId', { pricingTableId: 'prctbl_yearly' }],
    ['clientReferenceId', { clientReferenceId: 'user_43' }],
    ['publishableKey', { publishableKey: 'pk_test_other' }],
  ] as const)('re-created for a new %s: with a fresh secret of its own, never the one the old element rendered', async (_prop, change) => {
    // A monthly/yearly toggle swapping the table: Stripe sees a new element, which needs a new session.
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const answered = tableSecretsAnswered();
    const props: ProviderTestProps = { components: ['pricing_table', 'buy_button'], publishableKey: 'pk_test_rotation' };
    const view = render(providerTree(<PricingTable pricingTableId="prctbl_monthly" />, props));
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true);
    const first = table();
    const rendered = secret();
    const inserted = recordInserts();

    view.rerender(providerTree(<PricingTable pricingTableId="prctbl_monthly" {...change} />, props));
    await flushUntil(() => table() !== first && table()?.hasAttribute(SECRET_ATTR) === true);
    expect(first?.isConnected).toBe(false);
    expect(inserted.map((insert) => insert.secret)).toEqual([secret()]);
    expect(secret()).not.toBe(rendered);
    expect(answered).toEqual([rendered, secret()]);
  });

  it('a re-ordered list of buy buttons keyed by position (as the docs advise): each button whose id changed gets a fresh secret, none renders one twice', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const buttons = () => [...document.querySelectorAll('stripe-buy-button')];
    const List = ({ ids }: { ids: string[] }) => ids.map((id, index) => <BuyButton key={index} buyButtonId={id} loading="eager" />);
    const props: ProviderTestProps = { components: ['buy_button'], publishableKey: 'pk_test_rotation' };
    const view = render(providerTree(<List ids={['buy_a', 'buy_b', 'buy_c']} />, props));
    await flushUntil(() => buttons().length === 3 && buttons().every((element) => element.hasAttribute(SECRET_ATTR)));
    const before = buttons().map((element) => element.getAttribute(SECRET_ATTR));

    view.rerender(providerTree(<List ids={['buy_c', 'buy_a', 'buy_b']} />, props));
    await flushUntil(() => buttons().length === 3 && buttons().every((element) => element.hasAttribute(SECRET_ATTR)));
    expect(buttons().map((element) => element.getAttribute('buy-button-id'))).toEqual(['buy_c', 'buy_a', 'buy_b']);
    const after = buttons().map((element) => element.getAttribute(SECRET_ATTR));
    expect(new Set([...before, ...after]).size).toBe(6);
  });

  it('stops its timers on unmount: the element leaves none behind under a provider that stays', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const props: ProviderTestProps = { components: ['pricing_table'], publishableKey: 'pk_test_rotation' };
    const view = render(providerTree(null, props));
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(1000);
    const withoutTable = vi.getTimerCount();

    view.rerender(providerTree(ui, props));
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true);
    expect(vi.getTimerCount()).toBeGreaterThan(withoutTable);

    view.rerender(providerTree(null, props));
    await clock.advance(1000);
    expect(vi.getTimerCount()).toBe(withoutTable);
  });
});
