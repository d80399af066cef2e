import { act, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { ComponentName } from '../../src/core/componentNames';
import { PricingTable } from '../../src/react/webComponents';
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

describe('web component rotation policy', () => {
  it('keeps the rendered element through its session’s rotations, then re-creates it with the session’s freshest secret 29 minutes after render', async () => {
    // 15-minute sessions: the table's own is refreshed at 10 and 20 minutes.
    const { answered, first, rendered } = await renderTable({ sessionTtlSeconds: 15 * 60 });
    expect(rendered).toBe(answered[0]);

    await clock.advance(29 * MINUTE - 1);
    expect(answered).toHaveLength(3);
    expect(table()).toBe(first);
    expect(first?.getAttribute(SECRET_ATTR)).toBe(rendered);

    await clock.advance(1);
    const second = table();
    expect(second).not.toBe(first);
    expect(first?.isConnected).toBe(false);
    expect(secret()).toBe(answered[2]);
    expect(document.querySelectorAll('stripe-pricing-table')).toHaveLength(1);
  });

  it('is never re-created with the secret it already rendered: when its session still holds it at the window’s end, it asks for a fresh one; the next window counts from the re-creation', async () => {
    // 3-hour sessions: nothing refreshes the table's own session before its window closes.
    const { endpoint, answered, first, rendered } = await renderTable({ sessionTtlSeconds: 3 * 3600 });
    expect(endpoint.requests).toHaveLength(1);

    await clock.advance(29 * MINUTE);
    await flushUntil(() => table() !== first);
    const second = table();
    expect(secret()).toMatch(/^cuss_secret_/);
    expect(secret()).not.toBe(rendered);
    expect(secret()).toBe(answered[1]);
    // One request, for the table's session alone.
    expect(endpoint.requests).toHaveLength(2);
    expect(endpoint.requests[1]?.body).toEqual({ components: ['pricing_table'] });

    await clock.advance(29 * MINUTE - 1);
    expect(table()).toBe(second);
    await clock.advance(1);
    await flushUntil(() => table() !== second);
    expect(new Set([rendered, answered[1], secret()]).size).toBe(3);
    expect(answered).toHaveLength(3);
  });

  it('when the window closes while its session’s secret is expired, keeps the element and re-creates it the moment a fresh secret lands', async () => {
    // Sessions of 29 min 20 s, refreshed at 24:20; every refresh before 29:00 is refused.
    const { endpoint, first, rendered, answered } = await renderTable({ sessionTtlSeconds: 29 * 60 + 20 });
    const start = Date.now();
    server.use(http.post(endpoint.url, () => (Date.now() < start + 29 * MINUTE ? refused() : undefined)));
    // At 29:00 the window is due and the session still holds the rendered secret: it asks again, and that request hangs.
    const held = endpoint.hold();
    await clock.advance(29 * MINUTE);
    await clock.advance(25_000);
    expect(endpoint.requests).toHaveLength(2);
    expect(table()).toBe(first);
    expect(first?.getAttribute(SECRET_ATTR)).toBe(rendered);

    // The hung request times out at 29:30 and its retry lands at 29:31.
    await clock.advance(6_000);
    await flushUntil(() => table() !== first);
    expect(secret()).toMatch(/^cuss_secret_/);
    expect(secret()).not.toBe(rendered);
    expect(secret()).toBe(answered.at(-1));
    held.resolve();
  });

  it('when the window closes after its session’s refresh failed, re-creates it anonymously once the secret expires', async () => {
    const { endpoint, first, rendered } = await renderTable();
    endpoint.queue(...Array.from({ length: 6 }, () => refused));
    await clock.advance(29 * MINUTE);
    // Due, but the secret is good for another minute: kept while it asks again (and is refused again).
    expect(table()).toBe(first);
    expect(first?.getAttribute(SECRET_ATTR)).toBe(rendered);

    await clock.advance(MINUTE);
    expect(table()).not.toBe(first);
    expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(document.body.innerHTML).not.toContain(rendered);
  });

  it('when the provider’s session stops enabling the table, keeps the rendered one until its window closes, then re-creates it anonymously', async () => {
    const { view, first, rendered } = await renderTable();
    await clock.advance(MINUTE);
    view.rerenderWith({ components: ['buy_button'] });
    await clock.advance(28 * MINUTE - 1);
    expect(table()).toBe(first);
    expect(first?.getAttribute(SECRET_ATTR)).toBe(rendered);

    await clock.advance(1);
    expect(table()).not.toBe(first);
    expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);
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
    await clock.advance(29 * MINUTE - 1);
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

  it('after a sleep past expiry, a re-creation due before the session noticed waits for a fresh secret instead of taking the expired one', async () => {
    // 3-hour sessions: the window's timer is the first to fire after the sleep.
    const { first, rendered } = await renderTable({ sessionTtlSeconds: 3 * 3600 });
    // The secret of every table inserted from now on.
    const inserted: (string | null)[] = [];
    const observer = new MutationObserver((records) => {
      for (const node of records.flatMap((record) => [...record.addedNodes])) {
        if (node instanceof Element && node.matches('stripe-pricing-table')) inserted.push(node.getAttribute(SECRET_ATTR));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    vi.setSystemTime(Date.now() + 4 * 60 * MINUTE); // the laptop slept: the clock moved, no timer ran
    await clock.advance(29 * MINUTE); // now the window's timer fires, before any session timer
    wakeUp(); // and the page that slept wakes up
    await flushUntil(() => table() !== first);
    observer.disconnect();
    expect(inserted).toHaveLength(1);
    expect(inserted[0]).toMatch(/^cuss_secret_/);
    expect(inserted[0]).not.toBe(rendered);
    expect(secret()).toBe(inserted[0]);
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
