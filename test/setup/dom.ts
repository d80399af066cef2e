import { notifyManager } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { assertNoStripeRuleViolations } from '../../src/testing/rules/assertNoStripeRuleViolations';
import { pageSecretLedger } from '../../src/testing/rules/createStripeSecretLedger';

// TanStack Query delivers observer notifications a macrotask later by default. Tests flush them
// synchronously instead (a deterministic flush): every state a request passes through (pending,
// refreshing) reaches the page even when a stubbed endpoint answers within the same timer advance.
notifyManager.setScheduler((callback) => callback());

afterEach(() => {
  cleanup();
  // Every component test is held to Stripe's rules for the client secret, as the stand-ins saw them.
  // A test that breaks one on purpose asserts it and resets the ledger itself.
  const violations = [...pageSecretLedger.violations];
  pageSecretLedger.reset();
  assertNoStripeRuleViolations(violations);
});
