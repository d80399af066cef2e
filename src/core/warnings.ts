// Development warnings, each given once per page. Callers guard with `process.env.NODE_ENV !== 'production'`.
const warned = new Set<string>();

/** `console.warn` once per key per page. */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[react-stripe-customer-session] ${message}`);
}

/** Forgets which warnings were given, so each can be given again (tests, hot reload). */
export function resetWarnings(): void {
  warned.clear();
}

// Other Stripe client secrets people pass by mistake, recognised by shape only.
const lookalikes: Array<[RegExp, string]> = [
  [/^pi_[^_]+_secret_/, 'a PaymentIntent client secret'],
  [/^seti_[^_]+_secret_/, 'a SetupIntent client secret'],
  [/^cs_(test|live)_/, 'a Checkout Session secret or ID'],
  [/^(sk|rk|pk)_(test|live)_/, 'an API key'],
];

/**
 * Warns once per page when a secret does not look like a Customer Session client secret
 * (`cuss_…`). The warning names the kind of secret, never the secret.
 */
export function warnIfNotCustomerSessionSecret(secret: string): void {
  if (secret.startsWith('cuss_')) return;
  const kind = lookalikes.find(([pattern]) => pattern.test(secret))?.[1] ?? 'something else';
  warnOnce(
    'client_secret',
    `The endpoint returned a client secret that is not a Customer Session secret (those start with "cuss_"); it looks like ${kind}. Return the \`client_secret\` of stripe.customerSessions.create(...).`,
  );
}
