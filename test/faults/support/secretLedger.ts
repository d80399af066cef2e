import { maskClientSecret } from '../../../src/testing/maskClientSecret';
import type { CustomerSession } from '../../../src/core/types';

interface Issued {
  endpoint: string;
  /** `expires_at` on the server's clock, in ms. */
  expiresAtServerMs: number;
  /** How far the browser's clock ran ahead of the server's for this endpoint. */
  clientAheadMs: number;
}

export interface Sighting {
  where: string;
  endpoint: string;
  secret: string;
  /** Local time (ms) of the sighting. */
  at: number;
}

/**
 * Every client secret the endpoints issued, and every time a consumer, hook or Stripe component
 * received one. A sighting is a violation when the secret was never issued, was issued by another
 * endpoint than the one the receiver belongs to, or had expired (by the server's clock) when it
 * was received. Messages mask the secrets.
 */
export interface SecretLedger {
  issue(endpoint: string, session: Pick<CustomerSession, 'client_secret' | 'expires_at'>, clientAheadMs?: number): void;
  /** `where` (under the provider for `endpoint`) received `secret` now; null/undefined is no secret. */
  see(where: string, endpoint: string, secret: string | null | undefined): void;
  /** Records a problem found by a probe (e.g. a state that shows a secret while `expired`). */
  flag(problem: string): void;
  readonly sightings: readonly Sighting[];
  /** Distinct secrets received by receivers whose name starts with `where` (all when omitted). */
  secretsSeen(where?: string): string[];
  violations(): string[];
  issuedCount(endpoint?: string): number;
}

let current: SecretLedger | null = null;

/** The ledger created last: the recording web components report to it. */
export function currentLedger(): SecretLedger {
  if (current === null) throw new Error('createSecretLedger() first');
  return current;
}

export function createSecretLedger(): SecretLedger {
  const issued = new Map<string, Issued>();
  const sightings: Sighting[] = [];
  const problems: string[] = [];
  const ledger: SecretLedger = {
    issue(endpoint, session, clientAheadMs = 0) {
      issued.set(session.client_secret, { endpoint, expiresAtServerMs: session.expires_at * 1000, clientAheadMs });
    },
    see(where, endpoint, secret) {
      if (secret === null || secret === undefined || secret === '') return;
      const at = Date.now();
      sightings.push({ where, endpoint, secret, at });
      const known = issued.get(secret);
      const label = `${where} (${endpoint}) received ${maskClientSecret(secret)} at ${new Date(at).toISOString()}`;
      if (!known) problems.push(`${label}: no endpoint issued it`);
      else if (known.endpoint !== endpoint) problems.push(`${label}: issued by ${known.endpoint}`);
      else if (at - known.clientAheadMs >= known.expiresAtServerMs) {
        problems.push(`${label}: expired ${at - known.clientAheadMs - known.expiresAtServerMs} ms earlier on the server's clock`);
      }
    },
    flag: (problem) => void problems.push(problem),
    sightings,
    secretsSeen: (where = '') => [...new Set(sightings.filter((s) => s.where.startsWith(where)).map((s) => s.secret))],
    violations: () => [...problems],
    issuedCount: (endpoint) => [...issued.values()].filter((i) => endpoint === undefined || i.endpoint === endpoint).length,
  };
  current = ledger;
  return ledger;
}
