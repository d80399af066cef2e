import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutablePath } from './chromium';
import { startDemoServer, type DemoServer } from './demoServer';
import { watchStripeRules } from './stripeRules';

// The client-fetched page (`/`): the provider fetches the session from /api/customer-session.
const maskedSecret = /^cuss_secret_…[A-Za-z0-9]{4}$/;
const minutes = 60_000;

let demo: DemoServer;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  demo = await startDemoServer();
  baseUrl = demo.baseUrl;
  browser = await chromium.launch({ executablePath: chromiumExecutablePath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

it('shows a masked session secret in all three components, and a fresh one once the clock passes expiry', async () => {
  const page = await browser.newPage();
  watchStripeRules(page);
  // The page's clock is Playwright's, so it can sleep 31 minutes in an instant, like a laptop lid.
  await page.clock.install();
  const consoleSecrets: string[] = [];
  page.on('console', (message) => {
    if (/cuss_secret_[A-Za-z0-9]{8}/.test(message.text())) consoleSecrets.push(message.text());
  });
  await page.goto(baseUrl);

  const status = page.getByTestId('session-status');
  const secret = page.getByTestId('session-secret');
  await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('ready');
  const first = (await secret.textContent()) ?? '';
  expect(first).toMatch(maskedSecret);

  // The secret reached each component (the stand-ins show what they were given), masked.
  const paymentElement = page.getByRole('group', { name: 'Payment Element (stand-in)' });
  await expect.poll(() => paymentElement.textContent()).toContain(`Customer session ${first}`);
  await expect.poll(() => paymentElement.getByRole('checkbox', { name: 'Save payment details for future purchases' }).count()).toBe(1);
  for (const name of ['Pricing table (stand-in)', 'Buy button (stand-in)']) {
    await expect.poll(() => page.getByRole('group', { name }).textContent()).toContain(`Customer session ${first}`);
  }
  const pricingTable = page.locator('stripe-pricing-table');
  const rawSecret = (await pricingTable.getAttribute('customer-session-client-secret')) ?? '';
  expect(rawSecret).toMatch(/^cuss_secret_[A-Za-z0-9]+$/);
  expect(rawSecret.endsWith(first.slice(-4))).toBe(true);
  expect(await page.locator('body').innerText()).not.toContain(rawSecret);

  // It came through the handler and the official SDK: the emulator saw one create for the signed-in customer.
  const created = await demo.sessionRequests();
  expect(created).toHaveLength(1);
  expect(created[0]?.method).toBe('POST');
  expect(created[0]?.params.customer).toMatch(/^cus_/);
  expect(Object.keys(created[0]?.params.components ?? {}).sort()).toEqual(['buy_button', 'payment_element', 'pricing_table']);

  // Past expiry on both clocks: the emulator's (server) and the page's.
  await demo.advanceEmulatorClock(31 * minutes);
  await page.clock.fastForward(31 * minutes);

  await expect.poll(() => secret.textContent(), { timeout: 20_000 }).not.toBe(first);
  await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('ready');
  const second = (await secret.textContent()) ?? '';
  expect(second).toMatch(maskedSecret);
  await expect.poll(() => paymentElement.textContent()).toContain(`Customer session ${second}`);
  expect(await demo.sessionRequests()).toHaveLength(2);
  expect(consoleSecrets).toEqual([]);
  await page.close();
});
