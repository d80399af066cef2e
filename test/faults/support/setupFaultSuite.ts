import { resetWarnings } from '../../../src/core/warnings';
import { defineLedgerWebComponents } from './faultPage';
import { createSecretLedger, type SecretLedger } from './secretLedger';

/**
 * What every fault suite needs around each test: the ledger-reporting web components defined,
 * a fresh ledger (the current one), and the once-only warnings re-armed. `silenceWarnings`
 * also mutes `console.warn` for suites that provoke warnings on purpose.
 */
export function setupFaultSuite({ silenceWarnings = false }: { silenceWarnings?: boolean } = {}): { readonly ledger: SecretLedger } {
  let ledger: SecretLedger | undefined;
  beforeAll(() => defineLedgerWebComponents());
  beforeEach(() => {
    ledger = createSecretLedger();
    resetWarnings();
    if (silenceWarnings) vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  return {
    get ledger() {
      if (ledger === undefined) throw new Error('The fault suite has not started a test yet.');
      return ledger;
    },
  };
}
