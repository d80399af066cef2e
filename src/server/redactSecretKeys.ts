// Secret and restricted keys, whole or masked the way Stripe echoes them (`sk_test_****abcd`).
const keyPattern = /\b(?:sk|rk)_(?:test|live)_[A-Za-z0-9*]*/g;

/** Removes anything shaped like a Stripe secret or restricted key from a message. */
export function redactSecretKeys(text: string): string {
  return text.replace(keyPattern, '[redacted]');
}
