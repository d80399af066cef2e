import { maskClientSecret } from '../../../src/testing/maskClientSecret';
import type { SecretLedger } from './secretLedger';

const receivers = ['useCustomerSessionContext', 'useComponentSecret(pricing_table)', 'elements', 'stripe-pricing-table', 'stripe-buy-button'];

/** No receiver ever got a secret that was unknown, foreign or expired at the time. */
export function expectNoBadSecrets(ledger: SecretLedger): void {
  expect(ledger.violations()).toEqual([]);
}

/** Every kind of receiver on the fault page got `secret` (masked in the failure message). */
export function expectEveryReceiverGot(ledger: SecretLedger, secret: string | null): void {
  expect(secret).toMatch(/^cuss_secret_/);
  const missing = receivers.filter((where) => !ledger.secretsSeen(where).includes(secret as string));
  expect(missing, `receivers without ${maskClientSecret(secret as string)}`).toEqual([]);
}

/** Nobody on the page has received any secret at all. */
export function expectNoSecretSeen(ledger: SecretLedger): void {
  expect(ledger.sightings.map((s) => `${s.where}: ${maskClientSecret(s.secret)}`)).toEqual([]);
}
