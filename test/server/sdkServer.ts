import type { CustomerSessionComponentsParams } from '../../src/server';
import Stripe from 'stripe';
import { listen, type StripeEmulator, type StripeEmulatorOptions } from '../../src/testing';

/** A policy enabling the three web-facing components, the Payment Element with saving (the server suites' shop). */
export const shopPolicy: CustomerSessionComponentsParams = {
  payment_element: { enabled: true, features: { payment_method_redisplay: 'enabled', payment_method_save: 'enabled', payment_method_save_usage: 'off_session' } },
  pricing_table: { enabled: true },
  buy_button: { enabled: true },
};

export const secretKey = 'sk_test_51ServerHandlerSuiteSecretKey9f3c2';

/**
 * The emulator behind a real socket, and the official SDK pointed at it: every Stripe call in the
 * server tests goes SDK → HTTP → emulator, as it would go to api.stripe.com. Pass an emulator (e.g. one
 * wrapped to rewrite answers) or emulator options to serve that instead of a new default one.
 */
export async function startSdkServer(emulatorOrOptions: StripeEmulator | StripeEmulatorOptions = {}) {
  const server = await listen(emulatorOrOptions, { port: 0 });
  const { hostname } = new URL(server.url);
  const sdk = (key: string = secretKey) =>
    new Stripe(key, { host: hostname, port: server.port, protocol: 'http', maxNetworkRetries: 0 });
  return { emulator: server.emulator, server, stripe: sdk(), sdk };
}

/** Awaits a promise that must reject with one of the SDK's errors, and returns that error. */
export async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error = await promise.then(() => null, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(Stripe.errors.StripeError);
  return error as Stripe.errors.StripeError;
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
