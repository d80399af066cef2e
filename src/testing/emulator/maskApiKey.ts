/**
 * Masks a key the way Stripe's error messages do: its prefix (`sk_test_`) and last four characters
 * only, e.g. `sk_test_****abcd`. Short or unrecognisable values reveal nothing.
 */
export function maskApiKey(key: string): string {
  const prefix = /^[a-z]{2,4}_(?:test|live)_/.exec(key)?.[0] ?? '';
  const rest = key.slice(prefix.length);
  return rest.length > 8 ? `${prefix}****${rest.slice(-4)}` : `${prefix}****`;
}
