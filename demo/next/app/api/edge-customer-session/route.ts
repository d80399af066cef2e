import Stripe from 'stripe';
import { createCustomerSessionHandler } from 'react-stripe-customer-session/server';
import { policy } from '../../../lib/policy';

// The same endpoint on the edge runtime: ./server imports nothing from Node, so it bundles for
// edge-light with webpack and with Turbopack. Off Node, the SDK needs its fetch-based HTTP client.
// (In the demo, the edge route reaches the emulator over loopback: `npm run test:next` starts one and
// sets DEMO_EDGE_STRIPE_URL and DEMO_EDGE_CUSTOMER; a real app points at api.stripe.com and its auth.)
export const runtime = 'edge';

const emulator = process.env.DEMO_EDGE_STRIPE_URL ? new URL(process.env.DEMO_EDGE_STRIPE_URL) : undefined;
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? 'sk_test_edge_demo', {
  httpClient: Stripe.createFetchHttpClient(),
  ...(emulator ? { host: emulator.hostname, port: Number(emulator.port), protocol: 'http' as const } : {}),
});

export const POST = createCustomerSessionHandler({
  stripe,
  components: policy,
  // Stand-in auth, as in lib/auth.ts: signed in unless the demo_signed_out cookie says otherwise.
  resolveCustomer: (request) =>
    /(?:^|;\s*)demo_signed_out=1(?:;|$)/.test(request.headers.get('cookie') ?? '') ? null : (process.env.DEMO_EDGE_CUSTOMER ?? null),
});
