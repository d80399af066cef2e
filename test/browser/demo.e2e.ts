import { expect, it } from 'vitest';
import { demoInChromium } from './demoServer';
import { watchStripeRules } from './stripeRules';

// The client-fetched page (`/`): the provider fetches the session from /api/customer-session.
const maskedSecret = /^cuss_secret_…[A-Za-z0-9]{4}$/;
const minutes = 60_000;

const running = demoInChromium();

it('gives each component a masked secret of its own, and fresh ones once the clock passes expiry', async () => {
  const page = await running.browser.newPage();
  watchStripeRules(page);
  // The page's clock is Playwright's, so it can sleep 31 minutes in an instant, like a laptop lid.
  await page.clock.install();
  const consoleSecrets: string[] = [];
  page.on('console', (message) => {
    if (/cuss_secret_[A-Za-z0-9]{8}/.test(message.text())) consoleSecrets.push(message.text());
  });
  await page.goto(running.demo.baseUrl);

  const status = page.getByTestId('session-status');
  const secret = page.getByTestId('session-secret');
  await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('ready');
  const first = (await secret.textContent()) ?? '';
  expect(first).toMatch(maskedSecret);

  // Each component got a secret of its own (the stand-ins show what they were given), masked; none is
  // the provider's own (the bar's), and no two are the same: Stripe's secrets are single-use.
  const groups = ['Payment Element (stand-in)', 'Pricing table (stand-in)', 'Buy button (stand-in)'].map((name) => page.getByRole('group', { name }));
  await expect.poll(() => page.getByRole('group', { name: 'Payment Element (stand-in)' }).getByRole('checkbox', { name: 'Save payment details for future purchases' }).count(), { timeout: 20_000 }).toBe(1);
  const shown = async () => Promise.all(groups.map(async (group) => /Customer session (cuss_secret_…[A-Za-z0-9]{4})/.exec((await group.textContent()) ?? '')?.[1] ?? null));
  await expect.poll(async () => (await shown()).every((masked) => masked !== null), { timeout: 20_000 }).toBe(true);
  const before = await shown();
  expect(new Set([first, ...before]).size).toBe(4);
  const pricingTable = page.locator('stripe-pricing-table');
  const rawSecret = (await pricingTable.getAttribute('customer-session-client-secret')) ?? '';
  expect(rawSecret).toMatch(/^cuss_secret_[A-Za-z0-9]+$/);
  expect(rawSecret.endsWith(before[1]!.slice(-4))).toBe(true);
  expect(await page.locator('body').innerText()).not.toContain(rawSecret);

  // They came through the handler and the official SDK, for the signed-in customer: the provider's
  // session with the page's components, and one per element enabling that element alone (each panel's
  // secret line is an element of its own too: `useComponentSecret`).
  const created = await running.demo.sessionRequests();
  expect(created).toHaveLength(7);
  for (const request of created) {
    expect(request.method).toBe('POST');
    expect(request.params.customer).toMatch(/^cus_/);
  }
  const enabled = created.map((request) => Object.keys(request.params.components ?? {}).sort().join()).sort();
  expect(enabled).toEqual(['buy_button', 'buy_button', 'buy_button,payment_element,pricing_table', 'payment_element', 'payment_element', 'pricing_table', 'pricing_table']);

  // Past expiry on both clocks: the emulator's (server) and the page's.
  await running.demo.advanceEmulatorClock(31 * minutes);
  await page.clock.fastForward(31 * minutes);

  await expect.poll(() => secret.textContent(), { timeout: 20_000 }).not.toBe(first);
  await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('ready');
  const second = (await secret.textContent()) ?? '';
  expect(second).toMatch(maskedSecret);
  // Every component now shows a new secret, never one rendered before.
  await expect.poll(async () => (await shown()).every((masked, index) => masked !== null && masked !== before[index]), { timeout: 20_000 }).toBe(true);
  const after = await shown();
  expect(new Set([first, second, ...before, ...after]).size).toBe(8);
  expect(consoleSecrets).toEqual([]);
  await page.close();
});
