import Stripe from 'stripe';
import { createStripeEmulator, listen } from '../../src/testing';

export const secretKey = 'sk_test_51ServerHandlerSuiteSecretKey9f3c2';

/**
 * The emulator behind a real socket, and the official SDK pointed at it: every Stripe call in the
 * server tests goes SDK → HTTP → emulator, as it would go to api.stripe.com.
 */
export async function startSdkServer() {
  const emulator = createStripeEmulator();
  const server = await listen(emulator, { port: 0 });
  const { hostname } = new URL(server.url);
  const sdk = (key: string = secretKey) =>
    new Stripe(key, { host: hostname, port: server.port, protocol: 'http', maxNetworkRetries: 0 });
  return { emulator, server, stripe: sdk(), sdk };
}

/** Throws if a secret key, whole or masked, shows anywhere in a response. */
export async function expectNoSecrets(response: Response, key: string = secretKey): Promise<string> {
  const text = await response.clone().text();
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  for (const haystack of [text, headers]) {
    expect(haystack).not.toContain(key);
    expect(haystack).not.toMatch(/\b(?:sk|rk)_(?:test|live)_/);
    expect(haystack.toLowerCase()).not.toContain('authorization');
  }
  return text;
}
