import 'server-only';
import Stripe from 'stripe';
import type { CustomerSessionStripeClient } from 'react-stripe-customer-session/server';
import { createEmulatorStripeClient, createStripeEmulator } from 'react-stripe-customer-session/testing';

export interface Shop {
  mode: 'emulator' | 'stripe-test-mode';
  stripe: CustomerSessionStripeClient;
  /** The demo shopper's Customer ID. */
  customerId: string;
}

async function openShop(): Promise<Shop> {
  const secretKey = process.env.STRIPE_SECRET_KEY;
  if (secretKey) {
    const stripe = new Stripe(secretKey);
    const customerId =
      process.env.STRIPE_CUSTOMER_ID ??
      (await stripe.customers.create({ name: 'Jenny Rosen', email: 'jenny.rosen@example.com', description: 'Next.js demo' })).id;
    return { mode: 'stripe-test-mode', stripe, customerId };
  }
  // No keys: the package's in-process emulator stands in for api.stripe.com (sessions live 30 minutes).
  const emulator = createStripeEmulator();
  const customerId = emulator.createCustomer({ name: 'Jenny Rosen', email: 'jenny.rosen@example.com' }).id;
  return { mode: 'emulator', stripe: createEmulatorStripeClient(emulator), customerId };
}

// One per server process, shared by the page and the route handler, which Next bundles separately.
const key = Symbol.for('react-stripe-customer-session.next-demo.shop');
const holder = globalThis as typeof globalThis & { [key]?: Promise<Shop> };

/** The Stripe client (real with `STRIPE_SECRET_KEY`, else the emulator) and the demo customer. */
export function shop(): Promise<Shop> {
  holder[key] ??= openShop().catch((error: unknown) => {
    delete holder[key]; // a failed start (bad key, Stripe down) is retried on the next request
    throw error;
  });
  return holder[key];
}
