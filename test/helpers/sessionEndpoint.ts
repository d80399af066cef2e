import { http, type HttpHandler } from 'msw';
import { createCustomerSessionHandler } from '../../src/server/createCustomerSessionHandler';
import type { CustomerSessionHandlerOptions } from '../../src/server/types';
import type { CustomerSessionComponentsParams } from '../../src/core/types';
import { createEmulatorStripeClient } from '../../src/testing/createEmulatorStripeClient';
import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import type { StripeEmulator } from '../../src/testing/emulator/types';
import { createDeferred, type Deferred } from '../../src/testing/createDeferred';

export const sessionEndpointUrl = '/api/customer-session';

/** One request the app's endpoint received, as the browser sent it. */
export interface RecordedSessionRequest {
  method: string;
  headers: Headers;
  credentials: RequestCredentials;
  body: unknown;
  /** Aborts when the client gives up on the request. */
  signal: AbortSignal;
}

export type Responder = (request: Request) => Response | Promise<Response>;

export interface SessionEndpoint {
  url: string;
  emulator: StripeEmulator;
  customerId: string;
  requests: RecordedSessionRequest[];
  /** The MSW handler: `mswServer.use(endpoint.handler)`. */
  handler: HttpHandler;
  /** The next requests get these answers, in order; later ones go through the real chain again. */
  queue(...responders: Responder[]): void;
  /** The next request waits until the returned deferred resolves, then goes through the chain. */
  hold(): Deferred<void>;
}

export interface SessionEndpointOptions {
  url?: string;
  /** How far the browser's clock runs ahead of Stripe's (negative: behind). The emulator follows `Date.now() - clientAheadMs`. */
  clientAheadMs?: number;
  sessionTtlSeconds?: number;
  policy?: CustomerSessionComponentsParams;
  /** The handler's rate limit; off by default here (the client suites count their own requests; test/server covers the limit). */
  rateLimit?: CustomerSessionHandlerOptions['rateLimit'];
}

const defaultPolicy: CustomerSessionComponentsParams = {
  payment_element: { enabled: true, features: { payment_method_redisplay: 'enabled' } },
  pricing_table: { enabled: true },
  buy_button: { enabled: true },
};

/**
 * The app's `POST /api/customer-session` for MSW, served by the real chain: the package's server
 * handler with the emulator as its Stripe client, so the emulator's clock sets `created`/`expires_at`.
 * Records every request; `queue` and `hold` inject failures and delays.
 */
export function createSessionEndpoint(options: SessionEndpointOptions = {}): SessionEndpoint {
  const { url = sessionEndpointUrl, clientAheadMs = 0 } = options;
  const emulator = createStripeEmulator({
    now: () => Date.now() - clientAheadMs,
    ...(options.sessionTtlSeconds !== undefined ? { sessionTtlSeconds: options.sessionTtlSeconds } : {}),
  });
  const customerId = emulator.createCustomer({ email: 'jenny@example.com' }).id;
  const serve = createCustomerSessionHandler({
    stripe: createEmulatorStripeClient(emulator),
    resolveCustomer: () => customerId,
    components: options.policy ?? defaultPolicy,
    rateLimit: options.rateLimit ?? false,
    stripeBudget: false,
  });
  const requests: RecordedSessionRequest[] = [];
  const queued: Responder[] = [];
  const holds: Deferred<void>[] = [];

  const handler = http.post(url, async ({ request }) => {
    const text = await request.clone().text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // keep the raw text
    }
    requests.push({ method: request.method, headers: request.headers, credentials: request.credentials, body, signal: request.signal });
    const hold = holds.shift();
    if (hold) await hold.promise;
    const responder = queued.shift();
    return responder ? responder(request) : serve(request);
  });

  return {
    url,
    emulator,
    customerId,
    requests,
    handler,
    queue: (...responders) => void queued.push(...responders),
    hold: () => {
      const deferred = createDeferred<void>();
      holds.push(deferred);
      return deferred;
    },
  };
}
