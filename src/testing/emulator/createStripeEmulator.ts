import type { EmulatorState } from './state';
import type { StripeEmulator, StripeEmulatorOptions } from './types';
import { buildEmulatorCustomer } from './buildEmulatorCustomer';
import { buildPaymentMethod } from './buildPaymentMethod';
import { createClock } from './createClock';
import { handleEmulatorRequest } from './handleEmulatorRequest';
import { createRateLimit } from './rateLimit';
import { registerSessionSource } from '../rules/sessionSources';

/**
 * An offline stand-in for Stripe's `POST /v1/customers`, `POST /v1/customer_sessions` (API
 * 2026-10-28.endive, the version stripe 23 pins) and the card PaymentMethod endpoints a saved-card
 * checkout uses (create, attach, detach, list a customer's), built on
 * Fetch API types only: the same instance serves MSW in a browser or in Node, a Node HTTP server
 * (`listen`) and in-process calls (`createEmulatorStripeClient`).
 *
 * @example
 * const emulator = createStripeEmulator();
 * const { id } = emulator.createCustomer({ email: 'jenny@example.com' });
 * const response = await emulator.handle(new Request('https://api.stripe.com/v1/customer_sessions', {
 *   method: 'POST',
 *   headers: { Authorization: 'Bearer sk_test_123', 'Content-Type': 'application/x-www-form-urlencoded' },
 *   body: `customer=${id}&components[pricing_table][enabled]=true`,
 * }));
 */
export function createStripeEmulator(options: StripeEmulatorOptions = {}): StripeEmulator {
  const clock = createClock(options.now);
  const state: EmulatorState = {
    clock,
    rateLimit: createRateLimit(options.rateLimit, clock),
    sessionTtlSeconds: options.sessionTtlSeconds ?? 1800,
    sessionComponents: options.sessionComponents ?? 'always',
    customers: new Map(),
    paymentMethods: new Map(),
    accountCustomers: new Map(),
    idempotency: new Map(),
    sessions: new Map(),
    requests: [],
  };
  const emulator: StripeEmulator = {
    handle: (request) => handleEmulatorRequest(state, request),
    createCustomer: (fields = {}) => {
      const customer = buildEmulatorCustomer(fields, Math.floor(state.clock.now() / 1000));
      state.customers.set(customer.id, customer);
      return customer;
    },
    createPaymentMethod: (card) => {
      if (card.customer !== undefined && !state.customers.has(card.customer)) throw new Error(`No such customer: '${card.customer}'`);
      const paymentMethod = buildPaymentMethod(card, Math.floor(state.clock.now() / 1000));
      state.paymentMethods.set(paymentMethod.id, paymentMethod);
      return paymentMethod;
    },
    findCustomerSession: (clientSecret) => {
      const session = state.sessions.get(clientSecret);
      return session && structuredClone(session);
    },
    clock: state.clock,
    get requests() {
      return state.requests;
    },
  };
  // The stand-ins on this page resolve the secrets this emulator issues, on its clock.
  registerSessionSource(emulator);
  return emulator;
}
