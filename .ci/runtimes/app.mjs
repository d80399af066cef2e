// The one app every runtime serves: the package's server entry on the official SDK's fetch-based
// client, pointed at the emulator on loopback. Imported as a user would, from the packed package.
import Stripe from 'stripe';
import { createCustomerSessionHandler } from 'react-stripe-customer-session/server';

/** @param {{ emulatorUrl: string, customer: string }} config */
export function createApp({ emulatorUrl, customer }) {
  const { hostname, port } = new URL(emulatorUrl);
  const stripe = new Stripe('sk_test_runtimes', { host: hostname, port: Number(port), protocol: 'http', httpClient: Stripe.createFetchHttpClient() });
  return createCustomerSessionHandler({
    stripe,
    // The app's auth: a cookie says the shopper is signed in.
    resolveCustomer: (request) => (/(?:^|;\s*)signed_in=1(?:;|$)/.test(request.headers.get('cookie') ?? '') ? customer : null),
    components: { pricing_table: { enabled: true } },
    rateLimit: { points: 3, durationSeconds: 60 },
  });
}
