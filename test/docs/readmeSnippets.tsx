// The README's code, as written there, type-checked by `npm run typecheck` (CI): a renamed export or
// prop fails here before a new user meets it. Only what the README leaves to the app is declared.
import Stripe from 'stripe';
import Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { PaymentElement } from '@stripe/react-stripe-js';
import { createCustomerSessionHandler, createCustomerSessions, CustomerSessionRateLimitError } from '../../src/server/index';
import { CustomerSessionElements, CustomerSessionProvider, PricingTable, useCustomerSession, type CustomerSession } from '../../src/index';
import { createEmulatorStripeClient, createStripeEmulator, createStripeStandIn, seedSavedCards } from '../../src/testing/index';

declare function getSignedInUser(request: Request): Promise<{ stripeCustomerId: string } | null>;
declare function currentCustomer(): Promise<string | null>;
declare function Skeleton(): null;
declare const stripe: Stripe;
declare const policy: { payment_element: { enabled: true }; pricing_table: { enabled: true } };
declare const resolveCustomer: (request: Request) => Promise<string | null>;

// Each section of the README in a function of its own, so the names it declares stay apart.
export function quickstart() {
  // app/api/customer-session/route.ts
  const POST = createCustomerSessionHandler({
    stripe: new Stripe(process.env.STRIPE_SECRET_KEY!),
    resolveCustomer: async (request) => (await getSignedInUser(request))?.stripeCustomerId ?? null, // null → 401
    components: {
      payment_element: { enabled: true, features: { payment_method_redisplay: 'enabled' } },
      pricing_table: { enabled: true },
    },
  });

  function Checkout() {
    return (
      <CustomerSessionProvider endpoint="/api/customer-session" publishableKey="pk_test_…">
        <CustomerSessionElements options={{ mode: 'payment', amount: 4800, currency: 'usd' }} fallback={<Skeleton />}>
          <PaymentElement />
        </CustomerSessionElements>
        <PricingTable pricingTableId="prctbl_…" />
      </CustomerSessionProvider>
    );
  }

  function JustTheHook() {
    const { status, isEnabled } = useCustomerSession({ endpoint: '/api/customer-session', components: ['payment_element'] });
    return `${status} ${isEnabled('payment_element')}`;
  }
  return { POST, Checkout, JustTheHook };
}

export function serverRendering() {
  // app/page.tsx (server component)
  async function Page() {
    const customer = await currentCustomer();
    const sessions = customer
      ? await createCustomerSessions({ stripe, customer, components: policy, sessions: [['pricing_table'], ['pricing_table']] })
          .catch((error) => { if (error instanceof CustomerSessionRateLimitError) return undefined; throw error; }) // over the limit: a guest
      : undefined;
    return <Pricing sessions={sessions} />;
  }
  // app/Pricing.tsx
  function Pricing({ sessions }: { sessions?: CustomerSession[] }) {
    const [state, ...elements] = sessions ?? []; // the provider's state, then one per element
    return (
      <CustomerSessionProvider endpoint="/api/customer-session" components={['pricing_table']}
        initialSession={state} initialSessions={elements} enabled={sessions !== undefined} publishableKey="pk_test_…">
        <PricingTable pricingTableId="prctbl_…" />
      </CustomerSessionProvider>
    );
  }
  return { Page, Pricing };
}

export function rateLimits() {
  const redis = new Redis(process.env.REDIS_URL!);
  const POST = createCustomerSessionHandler({ stripe, resolveCustomer, components: policy,
    rateLimit: new RateLimiterRedis({ storeClient: redis, points: 360, duration: 60, keyPrefix: 'customer-session' }),
    stripeBudget: new RateLimiterRedis({ storeClient: redis, points: 10, duration: 1, keyPrefix: 'stripe-budget' }) });
  return POST;
}

export async function testing() {
  // A customer with saved cards, a session from the emulator, and the Stripe.js stand-in showing them.
  const emulator = createStripeEmulator();
  const { id } = emulator.createCustomer({ name: 'Jenny Rosen' });
  seedSavedCards(emulator, id, ['always', 'always', 'limited']);
  await createEmulatorStripeClient(emulator).customerSessions.create({ customer: id, components: { payment_element: { enabled: true } } });
  const stripe = createStripeStandIn({ emulator }); // finds the session behind the secret in the emulator
  return stripe;
}
