import Stripe from 'stripe';
import { createCustomerSessionHandler } from '../../src/server/createCustomerSessionHandler';
import type { RateLimitOption, StripeBudgetOption } from '../../src/server/rateLimitTypes';
import type { CustomerSessionHandler, CustomerSessionStripeClient } from '../../src/server/types';
import { listen, type ListeningEmulator } from '../../src/testing/emulator/listen';
import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { demoPolicy } from './demoPolicy';
import { signedOutCookie } from '../src/signIn';

export interface DemoBackend {
  mode: 'emulator' | 'stripe-test-mode';
  /** The shop's Stripe client: the endpoint and the server-rendered page both create sessions with it. */
  stripe: CustomerSessionStripeClient;
  /** The sessions-per-customer limit, shared by the endpoint and the server-rendered page. */
  rateLimit: RateLimitOption;
  /** The shop's Stripe budget (the package's default unless `DEMO_STRIPE_SESSIONS_PER_SECOND`), shared the same way. */
  stripeBudget: StripeBudgetOption | undefined;
  handler: CustomerSessionHandler;
  customerId: string;
  /** Only with the emulator: its HTTP server (for the clock and request log). */
  emulator: ListeningEmulator | null;
  close(): Promise<void>;
}

/** The demo's shopper, or `null` (the handler answers 401) once the `demo_signed_out` cookie is set (demo/src/signIn.ts). */
const signedInShopper = (customerId: string) => (request: Request) => (signedOutCookie.test(request.headers.get('cookie') ?? '') ? null : customerId);

/** Adds `ms` before every session the emulator creates, as the round trip to api.stripe.com would (the benchmark uses it). */
function withLatency(stripe: Stripe, ms: number): CustomerSessionStripeClient {
  if (ms <= 0) return stripe;
  return {
    customerSessions: {
      create: async (params) => {
        await new Promise((done) => setTimeout(done, ms));
        return stripe.customerSessions.create(params);
      },
    },
  };
}

/**
 * The shop's server side: the official `stripe` SDK, pointed at an in-process emulator on a free
 * port unless `STRIPE_SECRET_KEY` is set (then real Stripe test mode), and the package's handler.
 * The demo has one shopper, signed in unless the `demo_signed_out` cookie says otherwise (the endpoint
 * then answers 401); a real app would read them from its own session cookie.
 * `DEMO_STRIPE_LATENCY_MS` delays each emulated Stripe call (emulator only); `DEMO_SESSIONS_PER_MINUTE`
 * raises the per-customer limit (default 20 a minute) and `DEMO_STRIPE_SESSIONS_PER_SECOND` the shop's Stripe
 * budget (default the package's) for the benchmark, which loads pages of ~8 sessions several times a second.
 */
export async function createDemoBackend(env: NodeJS.ProcessEnv = process.env): Promise<DemoBackend> {
  const secretKey = env.STRIPE_SECRET_KEY;
  const perMinute = Number(env.DEMO_SESSIONS_PER_MINUTE ?? 20) || 20;
  const rateLimit: RateLimitOption = { points: perMinute, durationSeconds: 60 };
  const perSecond = Number(env.DEMO_STRIPE_SESSIONS_PER_SECOND);
  const stripeBudget: StripeBudgetOption | undefined = perSecond > 0 ? { sessionsPerSecond: perSecond } : undefined;
  if (secretKey) {
    const stripe = new Stripe(secretKey);
    const customerId =
      env.STRIPE_CUSTOMER_ID ??
      (await stripe.customers.create({ name: 'Jenny Rosen', email: 'jenny.rosen@example.com', description: 'Storefront demo' })).id;
    return {
      mode: 'stripe-test-mode',
      stripe,
      rateLimit,
      stripeBudget,
      handler: createCustomerSessionHandler({ stripe, rateLimit, stripeBudget, components: demoPolicy, resolveCustomer: signedInShopper(customerId) }),
      customerId,
      emulator: null,
      close: async () => {},
    };
  }

  const emulator = await listen(createStripeEmulator());
  const customerId = emulator.emulator.createCustomer({ name: 'Jenny Rosen', email: 'jenny.rosen@example.com' }).id;
  const sdk = new Stripe('sk_test_emulator', {
    host: emulator.host,
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  const stripe = withLatency(sdk, Number(env.DEMO_STRIPE_LATENCY_MS ?? 0) || 0);
  return {
    mode: 'emulator',
    stripe,
    rateLimit,
    stripeBudget,
    handler: createCustomerSessionHandler({ stripe, rateLimit, stripeBudget, components: demoPolicy, resolveCustomer: signedInShopper(customerId) }),
    customerId,
    emulator,
    close: () => emulator.close(),
  };
}
