// Renders consumer.tsx's storefront in jsdom with the packed package and this project's React and
// peers: one endpoint call under StrictMode, and its secret reaches Elements and the pricing table.
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

test(`React ${React.version}: one endpoint call under StrictMode, its secret in Elements and the pricing table`, async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  const session = makeCustomerSession({ components: ['payment_element', 'pricing_table'] });
  const requested: string[][] = [];
  const endpoint = async ({ components }: { components: string[] }) => {
    requested.push(components);
    return session;
  };
  const stripe = createStripeStandIn();
  const host = document.body.appendChild(document.createElement('div'));
  const root = createRoot(host);
  const table = () => host.querySelector('stripe-pricing-table');

  await act(async () => root.render(<Storefront endpoint={endpoint} stripe={stripe} />));
  await flushUntil(() => table() !== null && stripe.calls.elements.length > 0);

  expect(requested).toEqual([['payment_element', 'pricing_table']]);
  expect(table()?.getAttribute('customer-session-client-secret')).toBe(session.client_secret);
  expect(table()?.getAttribute('publishable-key')).toBe('pk_test_consumer');
  expect(stripe.calls.elements.at(-1)?.customerSessionClientSecret).toBe(session.client_secret);
  expect(stripe.calls.create.map((call) => call.type)).toContain('payment');

  await act(async () => root.unmount());
  vi.useRealTimers();
});
