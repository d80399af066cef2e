import { pageSecretLedger } from './createStripeSecretLedger';
import type { StripeRuleViolation } from './stripeRules';

/** Thrown by `assertNoStripeRuleViolations`: its message lists every broken rule; `violations` holds them. */
export class StripeRuleViolationError extends Error {
  override name = 'StripeRuleViolationError';
  constructor(readonly violations: readonly StripeRuleViolation[]) {
    const lines = violations.map((violation, index) => `  ${index + 1}. ${violation.rule}: ${violation.message} (${violation.docs})`);
    super(`The stand-ins saw ${violations.length} of Stripe's rules for the client secret broken:\n${lines.join('\n')}`);
  }
}

/**
 * Throws a `StripeRuleViolationError` listing each violation (rule, what happened with the masked
 * secret, Stripe's page) when there is any; by default those of the page's ledger. For a test
 * suite's `afterEach`, after which `pageSecretLedger.reset()` starts the next test clean.
 */
export function assertNoStripeRuleViolations(violations: readonly StripeRuleViolation[] = pageSecretLedger.violations): void {
  if (violations.length > 0) throw new StripeRuleViolationError([...violations]);
}
