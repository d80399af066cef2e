import { afterEach } from 'vitest';
import { takeStripeRuleReports } from '../browser/stripeRules';

// Every page an e2e test opens (through watchStripeRules) is held to Stripe's rules for the client
// secret, as the stand-ins in it saw them. Thrown whole: the failure lists every report.
afterEach(() => {
  const reports = takeStripeRuleReports();
  if (reports.length === 0) return;
  throw new Error(`The page's stand-ins reported ${reports.length} of Stripe's rules for the client secret broken:\n${reports.map((report, index) => `  ${index + 1}. ${report}`).join('\n')}`);
});
