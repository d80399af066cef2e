import type { ComponentName } from '../../src/core/componentNames';
import type { AllowRedisplay, CustomerSession, CustomerSessionComponentsParams } from '../../src/core/types';
import { encodeStripeForm } from '../../src/params/form';
import { createCustomerSessionHandler } from '../../src/server/createCustomerSessionHandler';
import { createCustomerSessions } from '../../src/server/createCustomerSessions';
import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import type { EmulatorPaymentMethod, StripeEmulator } from '../../src/testing/emulator/types';
import { seedSavedCards } from '../../src/testing/seedSavedCards';
import { createEmulatorStripeClient } from '../../src/testing/createEmulatorStripeClient';

/** How the story's `/api/customer-session` behaves. */
export type EndpointBehaviour = 'live' | 'pending' | 'server-error' | 'stripe-error' | 'html-page';

export interface StoryBackendOptions {
  /** The server's component policy, handed to `createCustomerSessionHandler`. */
  policy: CustomerSessionComponentsParams;
  behaviour: EndpointBehaviour;
  /** The emulator's session lifetime: short values show expiry and refresh within seconds. */
  sessionTtlSeconds?: number;
  /** Holds back every answer after the first, so an expiry is visible before the refresh lands. */
  refreshDelayMs?: number;
  /** The signed-in customer's saved cards, one per entry, oldest first. */
  savedCards?: readonly AllowRedisplay[];
}

export interface StoryBackend {
  handle(request: Request): Promise<Response>;
  emulator: StripeEmulator;
  customerId: string;
  /** The saved cards seeded for the customer, oldest first. */
  savedCards: EmulatorPaymentMethod[];
  /** Set when `createCustomerSessionHandler` refused the policy at startup (its TypeError message). */
  startupError: string | null;
  /** The session behind a secret this backend handed out: what Stripe.js would look up (for the stand-in). */
  sessionFor(clientSecret: string): CustomerSession | undefined;
  /** The newest session handed out, if any. */
  lastSession(): CustomerSession | undefined;
  /** What the page's server render creates (`createCustomerSessions`, one per entry): no endpoint call. */
  serverRender(sessions: ComponentName[][]): Promise<CustomerSession[]>;
  /** Endpoint calls so far, for the session panel. */
  calls(): number;
  subscribe(listener: () => void): () => void;
}

const secretKey = 'sk_test_storybook_emulator';

/**
 * A complete offline backend for one story: the emulator, the real server handler with the emulator's
 * Stripe client, and a signed-in customer. Error behaviours go through the same handler where a real
 * app would fail the same way (an auth store that throws, a customer Stripe does not know).
 */
export function createStoryBackend(options: StoryBackendOptions): StoryBackend {
  const emulator = createStripeEmulator({ sessionTtlSeconds: options.sessionTtlSeconds ?? 1800 });
  const customer = emulator.createCustomer({ name: 'Jenny Rosen', email: 'jenny.rosen@example.com' });
  const stripe = createEmulatorStripeClient(emulator);
  const savedCards = seedSavedCards(emulator, customer.id, options.savedCards ?? []);

  let startupError: string | null = null;
  let serve: (request: Request) => Promise<Response>;
  switch (options.behaviour) {
    case 'pending':
      serve = () => new Promise<Response>(() => {});
      break;
    case 'html-page':
      // The classic mistake: a wrong path falls through to the SPA's index.html with 200.
      serve = async () =>
        new Response('<!doctype html><html><head><title>Acme</title></head><body><div id="root"></div></body></html>', {
          status: 200,
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
        });
      break;
    default:
      try {
        const handler = createCustomerSessionHandler({
          stripe,
          components: options.policy,
          resolveCustomer: () => {
            if (options.behaviour === 'server-error') throw new Error('The session store is unavailable.');
            if (options.behaviour === 'stripe-error') return 'cus_DeletedLastWeek';
            return customer.id;
          },
          onError: () => {}, // the story shows the response; nothing to log
          // Each story is its own shop, but stories run back to back in one page, which would spend
          // one process-wide Stripe budget; the per-customer limit stays on.
          stripeBudget: false,
        });
        serve = handler;
      } catch (error) {
        // The handler checks the policy at startup. To show what Stripe itself answers to that policy,
        // this endpoint forwards it unchecked, as a hand-written endpoint would.
        startupError = error instanceof Error ? error.message : String(error);
        serve = (request) => forwardUnchecked(emulator, options.policy, customer.id, request);
      }
  }

  let calls = 0;
  const sessions = new Map<string, CustomerSession>();
  let last: CustomerSession | undefined;
  const record = (session: CustomerSession) => {
    last = session;
    sessions.set(session.client_secret, session);
  };
  const listeners = new Set<() => void>();
  return {
    emulator,
    customerId: customer.id,
    savedCards,
    startupError,
    calls: () => calls,
    sessionFor: (clientSecret) => sessions.get(clientSecret),
    lastSession: () => last,
    async serverRender(lists) {
      const created = await createCustomerSessions({ stripe, customer: customer.id, components: options.policy, sessions: lists, stripeBudget: false });
      created.forEach(record);
      return created;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async handle(request) {
      calls += 1;
      listeners.forEach((listener) => listener());
      if (calls > 1 && options.refreshDelayMs) await new Promise((resolve) => setTimeout(resolve, options.refreshDelayMs));
      const response = await serve(request);
      if (response.ok && response.headers.get('content-type')?.includes('application/json')) {
        // One session, or a batch (`{ sessions: [...] }`: one per element mounted together).
        const body = (await response.clone().json()) as Partial<CustomerSession> & { sessions?: CustomerSession[] };
        for (const session of body.sessions ?? [body]) {
          if (session.object === 'customer_session' && typeof session.client_secret === 'string') record(session as CustomerSession);
        }
      }
      return response;
    },
  };
}

async function forwardUnchecked(
  emulator: StripeEmulator,
  policy: CustomerSessionComponentsParams,
  customer: string,
  request: Request,
): Promise<Response> {
  await request.text();
  const answer = await emulator.handle(
    new Request('https://api.stripe.com/v1/customer_sessions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${secretKey}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: encodeStripeForm({ components: policy, customer }),
    }),
  );
  return new Response(await answer.text(), {
    status: answer.status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
}
