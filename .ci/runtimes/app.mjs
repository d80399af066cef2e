// The one app every runtime serves: the package's server entry on the official SDK's fetch-based
// client, pointed at the emulator on loopback. Imported as a user would, from the packed package.
import Stripe from 'stripe';
import { createCustomerSessionHandler } from 'react-stripe-customer-session/server';

/** @param {{ emulatorUrl: string, customer: string }} config */
export function createApp({ emulatorUrl, customer }) {
  const { hostname, port } = new URL(emulatorUrl);
  const stripe = new Stripe('sk_test_runtimes', { host: hostname, port: Number(port), protocol: 'http', httpClient: Stripe.createFetchHttpClient() });
  const options = {
    stripe,
    // The app's auth: a cookie says the shopper is signed in.
    resolveCustomer: (request) => (/(?:^|;\s*)signed_in=1(?:;|$)/.test(request.headers.get('cookie') ?? '') ? customer : null),
    components: { pricing_table: { enabled: true } },
  };
  const handler = createCustomerSessionHandler({ ...options, rateLimit: { points: 3, durationSeconds: 60 } });
  // A store-backed limiter (a burst over a rate, as rate-limiter-flexible's BurstyRateLimiter keeps them)
  // whose store is down: under 'allow', the default, its numbers hold in this runtime's memory.
  const down = (points, keyPrefix) => ({ points, duration: 60, keyPrefix, consume: () => Promise.reject(new Error('store down')) });
  const storeDown = { _rateLimiter: down(1, 'runtimes-rate'), _burstLimiter: down(1, 'runtimes-burst'), consume: () => Promise.reject(new Error('store down')) };
  const fallback = createCustomerSessionHandler({ ...options, rateLimit: storeDown, onError: () => {} });
  return (request) => (new URL(request.url).pathname.endsWith('/store-down') ? fallback : handler)(request);
}
