import type { Page } from 'playwright-core';

// What the stand-ins in the page reported: each broken rule is a console.error that starts so.
const prefix = 'Stripe rule broken: ';
const reports: string[] = [];

/**
 * Collects the Stripe rule reports the stand-ins of `page` log (single-use, 30 minutes to render,
 * 30 after); the e2e setup's afterEach asserts there were none. Call it on every page a test opens.
 */
export function watchStripeRules(page: Page): void {
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith(prefix)) reports.push(message.text());
  });
}

/** The reports collected since the last call, oldest first; clears them. */
export function takeStripeRuleReports(): string[] {
  return reports.splice(0);
}
