import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumArgs, chromiumExecutablePath } from './chromium';
import { startDemoServer, type DemoServer } from './demoServer';
import { watchStripeRules } from './stripeRules';

// The server-rendered page (`/ssr`): the demo server creates the session with createCustomerSession
// while rendering, the browser hydrates with it as `initialSession`, and only the refresh before
// expiry goes through /api/customer-session.
const maskedSecret = /^cuss_secret_…[A-Za-z0-9]{4}$/;
const tagWithSecret = /<stripe-pricing-table\b[^>]*\bcustomer-session-client-secret="(cuss_secret_[A-Za-z0-9]+)"/;
const minutes = 60_000;

let demo: DemoServer;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemoServer();
  browser = await chromium.launch({ executablePath: chromiumExecutablePath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** Every POST the page makes to the session endpoint, and every console error (hydration mismatches show there). */
function watch(page: Page): { endpointRequests: string[]; consoleErrors: string[]; consoleSecrets: string[] } {
  const seen = { endpointRequests: [] as string[], consoleErrors: [] as string[], consoleSecrets: [] as string[] };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/customer-session') seen.endpointRequests.push(request.method());
  });
  page.on('console', (message) => {
    if (/cuss_secret_[A-Za-z0-9]{8}/.test(message.text())) seen.consoleSecrets.push(message.text());
    // Offline, Stripe's own scripts cannot load; that is not the page's error.
    if (message.type() === 'error' && !message.location().url.startsWith('https://js.stripe.com/')) seen.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => seen.consoleErrors.push(error.message));
  return seen;
}

it('has the secret in its first HTML, makes no session request on load, and refreshes through the endpoint before expiry', async () => {
  const page = await browser.newPage();
  watchStripeRules(page);
  await page.route('https://js.stripe.com/**', (route) => route.abort()); // offline: the stand-ins draw the elements
  await page.clock.install();
  const seen = watch(page);
  const before = (await demo.sessionRequests()).length;

  const response = await page.goto(`${demo.baseUrl}/ssr`);
  expect(response?.status()).toBe(200);
  const cacheControl = response?.headers()['cache-control'] ?? '';
  expect(cacheControl).toMatch(/\bprivate\b/);
  expect(cacheControl).toMatch(/\bno-store\b/);
  const rendered = tagWithSecret.exec((await response?.text()) ?? '')?.[1];
  expect(rendered).toMatch(/^cuss_secret_[A-Za-z0-9]+$/);

  // Hydrated with that very session: ready, and every component got it, with no request of its own.
  const status = page.getByTestId('session-status');
  const secret = page.getByTestId('session-secret');
  await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('ready');
  const first = (await secret.textContent()) ?? '';
  expect(first).toMatch(maskedSecret);
  expect(rendered?.endsWith(first.slice(-4))).toBe(true);
  for (const name of ['Pricing table (stand-in)', 'Buy button (stand-in)']) {
    await expect.poll(() => page.getByRole('group', { name }).textContent(), { timeout: 20_000 }).toContain(`Customer session ${first}`);
  }
  await expect.poll(() => page.getByRole('group', { name: 'Payment Element (stand-in)' }).textContent(), { timeout: 20_000 }).toContain(`Customer session ${first}`);
  expect(await page.locator('stripe-pricing-table').getAttribute('customer-session-client-secret')).toBe(rendered);
  await page.waitForLoadState('networkidle');
  // A few minutes on, still well inside the session's lifetime: still nothing asked of the endpoint.
  await page.clock.fastForward(5 * minutes);
  await page.waitForLoadState('networkidle');
  expect(seen.endpointRequests).toEqual([]);
  // The server created exactly one session for this page, for the signed-in customer and the page's components.
  const created = (await demo.sessionRequests()).slice(before);
  expect(created).toHaveLength(1);
  expect(created[0]?.params.customer).toMatch(/^cus_/);
  expect(Object.keys(created[0]?.params.components ?? {}).sort()).toEqual(['buy_button', 'payment_element', 'pricing_table']);

  // Past expiry on both clocks: the refresh goes through the endpoint, once.
  await demo.advanceEmulatorClock(31 * minutes);
  await page.clock.fastForward(26 * minutes);
  await expect.poll(() => secret.textContent(), { timeout: 20_000 }).not.toBe(first);
  await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('ready');
  const second = (await secret.textContent()) ?? '';
  expect(second).toMatch(maskedSecret);
  await expect.poll(() => page.getByRole('group', { name: 'Payment Element (stand-in)' }).textContent(), { timeout: 20_000 }).toContain(`Customer session ${second}`);
  expect(seen.endpointRequests).toEqual(['POST']);
  expect(await demo.sessionRequests()).toHaveLength(before + 2);

  expect(seen.consoleErrors).toEqual([]);
  expect(seen.consoleSecrets).toEqual([]);
  await page.close();
});
