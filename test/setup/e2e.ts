import { afterEach, expect } from 'vitest';
import { takeStripeRuleReports } from '../browser/stripeRules';

// Every page an e2e test opens (through watchStripeRules) is held to Stripe's rules for the client
// secret, as the stand-ins in it saw them.
afterEach(() => {
  expect(takeStripeRuleReports(), "Stripe's rules for the client secret, as the page's stand-ins reported them").toEqual([]);
});
