// Renders consumer.tsx's storefront in jsdom with the packed package and this project's React and
// peers: one endpoint call under StrictMode (the provider's session and each element's, batched),
// and Elements and the pricing table each get a secret of their own.
// Vitest globals (no import: vitest lives in the repo, not in this project). Fake timers; flushed in act.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Storefront, createStripeStandIn, defineStripeWebComponentStandIns, makeCustomerSession } from './consumer';

// React 18.0–18.2 export act only from react-dom/test-utils.
const act: (callback: () => Promise<void>) => Promise<void> =
  (React as { act?: typeof act }).act ?? (await import('react-dom/test-utils')).act;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  defineStripeWebComponentStandIns();
});

async function flushUntil(condition: () => boolean): Promise<void> {
  for (let round = 0; round < 50 && !condition(); round++) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
  }
  expect(condition()).toBe(true);
}

test(`React ${React.version}: one endpoint call under StrictMode, a secret of its own for Elements and for the pricing table`, async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const calls: string[][][] = [];
  // A batch-aware function endpoint: one fresh session per entry, each enabling only what it names.
  const endpoint = async ({ components, sessions }: { components: string[]; sessions?: string[][] }) => {
    calls.push(sessions ?? [components]);
    const make = (names: string[]) => makeCustomerSession({ components: names as never });
    return sessions ? sessions.map(make) : make(components);
  };
  const stripe = createStripeStandIn();
  const host = document.body.appendChild(document.createElement('div'));
  const root = createRoot(host);
  const table = () => host.querySelector('stripe-pricing-table');

  await act(async () => root.render(<Storefront endpoint={endpoint as never} stripe={stripe} />));
  await flushUntil(() => table()?.hasAttribute('customer-session-client-secret') === true && stripe.calls.elements.length > 0);

  expect(calls).toHaveLength(1);
  expect([...(calls[0] ?? [])].map((names) => names.join()).sort()).toEqual(['payment_element', 'payment_element,pricing_table', 'pricing_table']);
  const tableSecret = table()?.getAttribute('customer-session-client-secret');
  const elementsSecret = stripe.calls.elements.at(-1)?.customerSessionClientSecret;
  expect(tableSecret).toMatch(/^cuss_secret_/);
  expect(elementsSecret).toMatch(/^cuss_secret_/);
  expect(tableSecret).not.toBe(elementsSecret);
  expect(table()?.getAttribute('publishable-key')).toBe('pk_test_consumer');
  expect(stripe.calls.create.map((call) => call.type)).toContain('payment');
  expect(stripe.violations).toEqual([]);

  await act(async () => root.unmount());
  vi.useRealTimers();
});
