import type { StripeErrorObject } from '../../core/types';
import type { EmulatorState, StoredResult } from './state';

const tryAnother = (key: string) => `Try using a key other than '${key}' if you meant to execute a different request.`;

/**
 * Looks up an `Idempotency-Key`: the stored result to replay, the `idempotency_error` when the key was
 * first used on another endpoint or with other params, or null when the key is new.
 */
export function findIdempotentResult(
  state: EmulatorState,
  key: string,
  path: string,
  fingerprint: string,
): { replay: StoredResult } | { error: StripeErrorObject } | null {
  const stored = state.idempotency.get(key);
  if (!stored) return null;
  if (stored.path !== path) {
    const message = `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${stored.path}' vs '${path}'). ${tryAnother(key)}`;
    return { error: { type: 'idempotency_error', message } };
  }
  if (stored.fingerprint !== fingerprint) {
    const message = `Keys for idempotent requests can only be used with the same parameters they were first used with. ${tryAnother(key)}`;
    return { error: { type: 'idempotency_error', message } };
  }
  return { replay: stored };
}
