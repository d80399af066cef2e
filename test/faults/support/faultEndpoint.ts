import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import type { CustomerSession } from '../../../src/core/types';
import { createEmulatorStripeClient } from '../../../src/testing/createEmulatorStripeClient';
import type { ComponentName } from '../../../src/core/componentNames';
import { createSessionEndpoint, type Responder, type SessionEndpoint, type SessionEndpointOptions } from '../../helpers/sessionEndpoint';
import type { SecretLedger } from './secretLedger';

export interface FaultEndpoint extends SessionEndpoint {
  clientAheadMs: number;
  /** Creates a real session at the emulator (recorded in the ledger), for responders that alter or delay it. */
  createSession(): Promise<CustomerSession>;
  /** While offline every request fails at the network level (`TypeError: Failed to fetch`). */
  setOffline(offline: boolean): void;
  /** Requests that failed because the network was off. */
  offlineAttempts(): number;
  /** Until called again with `null`, every request gets `responder`'s answer (an outage, however many requests it takes). */
  setOutage(responder: Responder | null): void;
  /** The component list of every session asked for, request by request (a batch is several). */
  sessionsAsked(): ComponentName[][];
}

/** The sessions one request asked for: `{ components }` is one, `{ sessions }` a batch. */
export function sessionsOf(body: unknown): ComponentName[][] {
  const { components, sessions } = body as { components?: ComponentName[]; sessions?: ComponentName[][] };
  return sessions ?? [components ?? []];
}

/**
 * `createSessionEndpoint` (the package's handler in front of the emulator), installed on `server`,
 * with every session the emulator issues recorded in `ledger` before the endpoint answers.
 */
export function createFaultEndpoint(server: Pick<SetupServer, 'use'>, ledger: SecretLedger, options: SessionEndpointOptions = {}): FaultEndpoint {
  const endpoint = createSessionEndpoint(options);
  const clientAheadMs = options.clientAheadMs ?? 0;
  const handle = endpoint.emulator.handle;
  endpoint.emulator.handle = async (request) => {
    const response = await handle(request);
    if (response.ok && new URL(request.url).pathname === '/v1/customer_sessions') {
      ledger.issue(endpoint.url, (await response.clone().json()) as CustomerSession, clientAheadMs);
    }
    return response;
  };
  const stripe = createEmulatorStripeClient(endpoint.emulator);
  let offline = false;
  let offlineAttempts = 0;
  let outage: Responder | null = null;
  // MSW tries handlers newest first; answering nothing falls through to the endpoint.
  server.use(endpoint.handler);
  server.use(
    http.post(endpoint.url, () => {
      // Falls through to the endpoint, which records the request and answers with the outage's responder.
      if (outage && !offline) endpoint.queue(outage);
      if (!offline) return undefined;
      offlineAttempts += 1;
      return HttpResponse.error();
    }),
  );
  return {
    ...endpoint,
    clientAheadMs,
    createSession: () =>
      stripe.customerSessions.create({ customer: endpoint.customerId, components: { payment_element: { enabled: true }, pricing_table: { enabled: true }, buy_button: { enabled: true } } }),
    setOffline: (value) => {
      offline = value;
    },
    offlineAttempts: () => offlineAttempts,
    setOutage: (responder) => {
      outage = responder;
    },
    sessionsAsked: () => endpoint.requests.flatMap((request) => sessionsOf(request.body)),
  };
}
