import Stripe from 'stripe';
import { createCustomerSessionHandler } from '../../src/server/createCustomerSessionHandler';
import type { CustomerSessionHandler } from '../../src/server/types';
import { listen, type ListeningEmulator } from '../../src/testing/emulator/listen';
import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { demoPolicy } from './demoPolicy';

export interface DemoBackend {
  mode: 'emulator' | 'stripe-test-mode';
  handler: CustomerSessionHandler;
  customerId: string;
  /** Only with the emulator: its HTTP server (for the clock and request log). */
  emulator: ListeningEmulator | null;
  close(): Promise<void>;
}

/**
 * The shop's server side: the official `stripe` SDK, pointed at an in-process emulator on a free
 * port unless `STRIPE_SECRET_KEY` is set (then real Stripe test mode), and the package's handler.
 * The demo has one signed-in shopper; a real app would read them from its own session cookie.
 */
export async function createDemoBackend(env: NodeJS.ProcessEnv = process.env): Promise<DemoBackend> {
  const secretKey = env.STRIPE_SECRET_KEY;
  if (secretKey) {
    const stripe = new Stripe(secretKey);
    const customerId =
      env.STRIPE_CUSTOMER_ID ??
      (await stripe.customers.create({ name: 'Jenny Rosen', email: 'jenny.rosen@example.com', description: 'Storefront demo' })).id;
    return {
      mode: 'stripe-test-mode',
      handler: createCustomerSessionHandler({ stripe, components: demoPolicy, resolveCustomer: () => customerId }),
      customerId,
      emulator: null,
      close: async () => {},
    };
  }

  const emulator = await listen(createStripeEmulator());
  const customerId = emulator.emulator.createCustomer({ name: 'Jenny Rosen', email: 'jenny.rosen@example.com' }).id;
  const stripe = new Stripe('sk_test_emulator', {
    host: emulator.host,
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  return {
    mode: 'emulator',
    handler: createCustomerSessionHandler({ stripe, components: demoPolicy, resolveCustomer: () => customerId }),
    customerId,
    emulator,
    close: () => emulator.close(),
  };
}
