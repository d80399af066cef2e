'use client';
import { isDevelopment } from './isDevelopment';

let warned = false;

// Other Stripe client secrets people pass by mistake, recognised by shape only.
const lookalikes: Array<[RegExp, string]> = [
  [/^pi_[^_]+_secret_/, 'a PaymentIntent client secret'],
  [/^seti_[^_]+_secret_/, 'a SetupIntent client secret'],
  [/^cs_(test|live)_/, 'a Checkout Session secret or ID'],
  [/^ek_(test|live)_/, 'an ephemeral key'],
  [/^(sk|rk|pk)_(test|live)_/, 'an API key'],
];

/**
 * In development, warns once when a secret does not look like a Customer Session client secret
 * (`cuss_…`). The warning describes the kind of secret, never the secret itself.
 */
export function warnIfNotCustomerSessionSecret(secret: string): void {
  if (warned || secret.startsWith('cuss_') || !isDevelopment()) return;
  warned = true;
  const kind = lookalikes.find(([pattern]) => pattern.test(secret))?.[1] ?? 'something else';
  console.warn(
    `[react-stripe-customer-session] The endpoint returned a client secret that is not a Customer Session secret (those start with "cuss_"); it looks like ${kind}. Return the \`client_secret\` of stripe.customerSessions.create(...).`,
  );
}
