import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { demoInChromium } from './demoServer';

// Issue 18, item 2, in Chromium: two tabs of one browser (one context: one cookie jar, one origin's
// BroadcastChannel). Signing out in one drops the customer in the other within a second.
const running = demoInChromium();

/** What a tab shows of the customer: the web components' secret attribute and the Payment Element stand-in's customer view. */
function customerShown(page: Page) {
  return page.evaluate(() => {
    const attr = 'customer-session-client-secret';
    const paymentElement = document.querySelector('[aria-label="Payment Element (stand-in)"]')?.textContent ?? '';
    return {
      pricingTable: document.querySelector('stripe-pricing-table')?.hasAttribute(attr) ?? null,
      buyButton: document.querySelector('stripe-buy-button')?.hasAttribute(attr) ?? null,
      paymentElement: paymentElement.includes('Customer session cuss_secret_'),
      guestCheckout: paymentElement.includes('Guest checkout: no customer session'),
    };
  });
}

it('signing out in one tab stops the other tab showing the customer within a second', async () => {
  const context = await running.browser.newContext();
  const [shopping, other] = [await context.newPage(), await context.newPage()];
  for (const page of [shopping, other]) {
    await page.goto(running.demo.baseUrl);
    await expect.poll(() => page.getByTestId('session-status').textContent(), { timeout: 20_000 }).toBe('ready');
    await expect.poll(() => customerShown(page), { timeout: 20_000 }).toEqual({ pricingTable: true, buyButton: true, paymentElement: true, guestCheckout: false });
  }
  const before = (await running.demo.sessionRequests()).length;

  await shopping.getByRole('button', { name: 'Sign out' }).click();
  const clicked = Date.now();
  // Polled inside the other tab, which nobody touches: only the package's cross-tab drop can change it.
  await other.waitForFunction(
    () => {
      const attr = 'customer-session-client-secret';
      const paymentElement = document.querySelector('[aria-label="Payment Element (stand-in)"]')?.textContent ?? '';
      return (
        document.querySelector('stripe-pricing-table')?.hasAttribute(attr) === false &&
        document.querySelector('stripe-buy-button')?.hasAttribute(attr) === false &&
        paymentElement.includes('Guest checkout: no customer session')
      );
    },
    undefined,
    { timeout: 1000, polling: 'raf' },
  );
  const elapsed = Date.now() - clicked;
  expect(elapsed).toBeLessThan(1000);

  // The other tab asked its endpoint again: 401 (the sign-out cookie is the browser's), so the customer stays gone.
  await expect.poll(() => other.getByTestId('session-status').textContent(), { timeout: 5000 }).toBe('error');
  expect(await customerShown(other)).toEqual({ pricingTable: false, buyButton: false, paymentElement: false, guestCheckout: true });
  expect(await customerShown(shopping)).toEqual({ pricingTable: false, buyButton: false, paymentElement: false, guestCheckout: true });
  expect(await other.getByTestId('session-secret').textContent()).toBe('—');
  // Stripe was asked for no session after the sign-out, in either tab.
  expect(await running.demo.sessionRequests()).toHaveLength(before);
  await context.close();
});
