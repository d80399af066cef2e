import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { serverRenderedSessions } from '../../demo/src/storefrontComponents';
import { demoInChromium } from './demoServer';
import { watchStripeRules } from './stripeRules';

// The server-rendered page (`/ssr`): the demo server creates the sessions with createCustomerSessions
// while rendering (the provider's, then one per customer-aware element), the browser hydrates with them
// as `initialSession` and `initialSessions`, and only the refreshes before expiry go through
// /api/customer-session.
const maskedSecret = /^cuss_secret_…[A-Za-z0-9]{4}$/;
const tagWithSecret = /<stripe-pricing-table\b[^>]*\bcustomer-session-client-secret="(cuss_secret_[A-Za-z0-9]+)"/;
const minutes = 60_000;

const running = demoInChromium();

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

it('has every element\'s own secret in its first HTML, makes no session request on load, and refreshes through the endpoint before expiry', async () => {
  const page = await running.browser.newPage();
  watchStripeRules(page);
  await page.route('https://js.stripe.com/**', (route) => route.abort()); // offline: the stand-ins draw the elements
  await page.clock.install();
  const seen = watch(page);
  const before = (await running.demo.sessionRequests()).length;

  const response = await page.goto(`${running.demo.baseUrl}/ssr`);
  expect(response?.status()).toBe(200);
  const cacheControl = response?.headers()['cache-control'] ?? '';
  expect(cacheControl).toMatch(/\bprivate\b/);
  expect(cacheControl).toMatch(/\bno-store\b/);
  const html = (await response?.text()) ?? '';
  const rendered = tagWithSecret.exec(html)?.[1];
  expect(rendered).toMatch(/^cuss_secret_[A-Za-z0-9]+$/);
  // createCustomerSessions: the provider's session, then one per customer-aware element, all distinct.
  expect(new Set(html.match(/cuss_secret_[A-Za-z0-9]{20,}/g))).toHaveLength(serverRenderedSessions.length);

  // Hydrated with those sessions: ready, and every element shows a secret of its own, with no request.
  const status = page.getByTestId('session-status');
  await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('ready');
  const first = await shownSecrets(page);
  expect(new Set(Object.values(first)).size).toBe(serverRenderedSessions.length);
  expect(rendered?.endsWith(first['Pricing table (stand-in)']?.slice(-4) ?? '?')).toBe(true);
  expect(await page.locator('stripe-pricing-table').getAttribute('customer-session-client-secret')).toBe(rendered);
  await page.waitForLoadState('networkidle');
  // A few minutes on, still well inside the sessions' lifetime: still nothing asked of the endpoint.
  await page.clock.fastForward(5 * minutes);
  await page.waitForLoadState('networkidle');
  expect(seen.endpointRequests).toEqual([]);
  // The server created exactly these sessions for this page, for the signed-in customer, each for its components.
  const created = (await running.demo.sessionRequests()).slice(before);
  expect(created.map((r) => Object.keys(r.params.components ?? {}).sort())).toEqual(serverRenderedSessions.map((names) => [...names].sort()));
  expect(created.every((r) => /^cus_/.test(r.params.customer ?? ''))).toBe(true);

  // Past expiry on both clocks: every session is replaced through the endpoint, none by the server.
  await running.demo.advanceEmulatorClock(31 * minutes);
  await page.clock.fastForward(26 * minutes);
  await expect.poll(async () => Object.entries(await shownSecrets(page)).filter(([name, shown]) => shown === first[name]).length, { timeout: 20_000 }).toBe(0);
  await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('ready');
  expect(Object.values(await shownSecrets(page)).every((shown) => maskedSecret.test(shown))).toBe(true);
  expect(seen.endpointRequests.length).toBeGreaterThan(0);
  expect(seen.endpointRequests.every((method) => method === 'POST')).toBe(true);

  expect(seen.consoleErrors).toEqual([]);
  expect(seen.consoleSecrets).toEqual([]);
  await page.close();
});

/** The masked secret each customer-aware part of the storefront shows: the provider's, each secret line, each stand-in. */
async function shownSecrets(page: Page): Promise<Record<string, string>> {
  const shown: Record<string, string> = { state: (await page.getByTestId('session-secret').textContent()) ?? '' };
  for (const name of ['payment_element', 'pricing_table', 'buy_button']) shown[name] = (await page.getByTestId(`secret-line-${name}`).locator('.secret').textContent()) ?? '';
  for (const name of ['Pricing table (stand-in)', 'Buy button (stand-in)', 'Payment Element (stand-in)']) {
    shown[name] = /Customer session (cuss_secret_…[A-Za-z0-9]{4})/.exec((await page.getByRole('group', { name }).textContent()) ?? '')?.[1] ?? '';
  }
  return shown;
}
