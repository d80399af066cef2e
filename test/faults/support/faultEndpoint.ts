import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import type { CustomerSession } from '../../../src/core/types';
import { createEmulatorStripeClient } from '../../../src/testing/createEmulatorStripeClient';
import { createSessionEndpoint, type SessionEndpoint, type SessionEndpointOptions } from '../../helpers/sessionEndpoint';
import type { SecretLedger } from './secretLedger';

export interface FaultEndpoint extends SessionEndpoint {
  clientAheadMs: number;
  /** Creates a real session at the emulator (recorded in the ledger), for responders that alter or delay it. */
  createSession(): Promise<CustomerSession>;
  /** While offline every request fails at the network level (`TypeError: Failed to fetch`). */
  setOffline(offline: boolean): void;
  /** Requests that failed because the network was off. */
  offlineAttempts(): number;
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
  // MSW tries handlers newest first; answering nothing falls through to the endpoint.
  server.use(endpoint.handler);
  server.use(
    http.post(endpoint.url, () => {
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
  };
}
