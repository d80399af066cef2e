// Server-only (the .server suffix keeps it out of the browser bundle): the Stripe client, what a
// session may enable, and who is signed in.
import Stripe from 'stripe';
import type { CustomerSessionComponentsParams, CustomerSessionStripeClient } from 'react-stripe-customer-session/server';
import { createEmulatorStripeClient, createStripeEmulator } from 'react-stripe-customer-session/testing';

/** What a session from this shop may enable: the pricing table and the Payment Element with saved cards. */
export const policy: CustomerSessionComponentsParams = {
  payment_element: { enabled: true, features: { payment_method_redisplay: 'enabled', payment_method_save: 'enabled', payment_method_save_usage: 'off_session' } },
  pricing_table: { enabled: true },
};

/**
 * Sessions per customer per minute, shared by the page and the endpoint (the same numbers share one
 * in-memory budget). The package's default unless DEMO_SESSIONS_PER_MINUTE says otherwise:
 * `npm run test:react-router` sets 20 to reach the limit in a few page views.
 */
export const rateLimit = { points: Number(process.env.DEMO_SESSIONS_PER_MINUTE) || 360, durationSeconds: 60 };

interface Shop {
  stripe: CustomerSessionStripeClient;
  /** The demo shopper's Customer ID. */
  customerId: string;
}

async function openShop(): Promise<Shop> {
  const secretKey = process.env.STRIPE_SECRET_KEY;
  if (secretKey) {
    const stripe = new Stripe(secretKey);
    const customerId = process.env.STRIPE_CUSTOMER_ID ?? (await stripe.customers.create({ name: 'Jenny Rosen' })).id;
    return { stripe, customerId };
  }
  // No keys: the package's in-process emulator stands in for api.stripe.com.
  const emulator = createStripeEmulator();
  return { stripe: createEmulatorStripeClient(emulator), customerId: emulator.createCustomer({ name: 'Jenny Rosen' }).id };
}

let opened: Promise<Shop> | undefined;
/** One per server process, shared by the page's loader and the endpoint. */
export function shop(): Promise<Shop> {
  opened ??= openShop().catch((error: unknown) => {
    opened = undefined; // a failed start (bad key, Stripe down) is retried on the next request
    throw error;
  });
  return opened;
}

/**
 * Stand-in for the app's auth: every visitor is the demo shopper unless the cookie
 * `demo_signed_out=1` says otherwise. A real app reads its own session cookie here.
 */
export async function signedInCustomer(request: Request): Promise<string | null> {
  if (/(?:^|;\s*)demo_signed_out=1(?:;|$)/.test(request.headers.get('cookie') ?? '')) return null;
  return (await shop()).customerId;
}
