import { maskClientSecret } from '../../../src/testing/maskClientSecret';
import type { SecretLedger, Sighting } from './secretLedger';

/** The fault page's readers of the provider's (state) session. */
const stateReaders = ['useCustomerSessionContext'];
/** The fault page's elements: each mount has a session of its own (`elements()` and `elements.update()` are one element). */
export const elementReceivers = ['useComponentSecret(pricing_table)', 'elements', 'stripe-pricing-table', 'stripe-buy-button'];
/** Receivers that put a secret into a Stripe element: each sighting is one render of it. */
const renders = ['elements()', 'elements.update()', 'stripe-pricing-table', 'stripe-buy-button'];

const receiverOf = (s: Sighting): string => `${s.endpoint} ${elementReceivers.find((r) => s.where.startsWith(r)) ?? s.where}`;

/** No receiver ever got a secret that was unknown, foreign or expired at the time. */
export function expectNoBadSecrets(ledger: SecretLedger): void {
  expect(ledger.violations()).toEqual([]);
}

/** Every element on the page (under `endpoint`, when given) has received some secret. */
export function everyElementHasASecret(ledger: SecretLedger, endpoint?: string): boolean {
  return elementReceivers.every((r) => ledger.sightings.some((s) => s.where.startsWith(r) && (endpoint === undefined || s.endpoint === endpoint)));
}

/**
 * Stripe's rule, one secret for one render of one element, on the fault page (under `endpoint`,
 * when given): the state readers got `stateSecret`; every element got secrets of its own, never
 * another element's and never a state session's (unless `initialSessionElement` names the one
 * element a server-rendered `initialSession` was also for); no secret was rendered twice.
 */
export function expectOwnSecrets(ledger: SecretLedger, stateSecret: string | null, { endpoint, initialSessionElement }: { endpoint?: string; initialSessionElement?: string } = {}): void {
  expect(stateSecret).toMatch(/^cuss_secret_/);
  const sightings = ledger.sightings.filter((s) => endpoint === undefined || s.endpoint === endpoint);
  const state = sightings.filter((s) => stateReaders.includes(s.where));
  expect(state.some((s) => s.secret === stateSecret), `state readers without ${maskClientSecret(stateSecret as string)}`).toBe(true);
  const stateSecrets = new Set(state.map((s) => s.secret));
  const elements = sightings.filter((s) => !stateReaders.includes(s.where));
  const missing = elementReceivers.filter((r) => !elements.some((s) => s.where.startsWith(r)));
  expect(missing, 'elements without a secret').toEqual([]);

  const owners = new Map<string, Set<string>>();
  for (const s of elements) owners.set(s.secret, (owners.get(s.secret) ?? new Set()).add(receiverOf(s)));
  const shared = [...owners].filter(([, who]) => who.size > 1).map(([secret, who]) => `${maskClientSecret(secret)}: ${[...who].join(', ')}`);
  expect(shared, 'secrets given to two elements').toEqual([]);
  const fromState = elements.filter((s) => stateSecrets.has(s.secret) && !s.where.startsWith(initialSessionElement ?? '\0')).map((s) => `${s.where}: ${maskClientSecret(s.secret)}`);
  expect([...new Set(fromState)], "elements given a state session's secret").toEqual([]);

  const rendered = sightings.filter((s) => renders.includes(s.where));
  const twice = rendered.filter((s, index) => rendered.findIndex((other) => other.secret === s.secret) !== index).map((s) => `${s.where}: ${maskClientSecret(s.secret)}`);
  expect(twice, 'secrets rendered twice').toEqual([]);
}

/** Nobody on the page has received any secret at all. */
export function expectNoSecretSeen(ledger: SecretLedger): void {
  expect(ledger.sightings.map((s) => `${s.where}: ${maskClientSecret(s.secret)}`)).toEqual([]);
}
