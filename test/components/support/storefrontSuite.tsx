import { PaymentElement } from '@stripe/react-stripe-js';
import { act, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import type { ComponentName } from '../../../src/core/componentNames';
import type { CustomerSession } from '../../../src/core/types';
import { BuyButton } from '../../../src/react/webComponents';
import { CustomerSessionElements } from '../../../src/react/CustomerSessionElements';
import { PricingTable } from '../../../src/react/webComponents';
import { resetWarnings } from '../../../src/core/warnings';
import { createStripeStandIn, type StripeStandIn } from '../../../src/testing/createStripeStandIn';
import { defineStripeWebComponentStandIns } from '../../../src/testing/defineStripeWebComponentStandIns';
import { installFakeClock } from '../../helpers/fakeClock';
import { setupMswServer } from '../../helpers/mswServer';
import { renderWithProvider, type ProviderTestProps } from '../../helpers/renderWithProvider';
import { createSessionEndpoint, type SessionEndpoint, type SessionEndpointOptions } from '../../helpers/sessionEndpoint';

export const MINUTE = 60_000;
export const SECRET_ATTR = 'customer-session-client-secret';
export const table = () => document.querySelector('stripe-pricing-table');
export const button = () => document.querySelector('stripe-buy-button');
export const nameOnCard = () => screen.getByLabelText<HTMLInputElement>('Name on card');

/** All three components, as a storefront renders them under the provider. */
export function Storefront({ onError }: { onError?: (error: Error) => void }) {
  return (
    <>
      <CustomerSessionElements options={{ mode: 'payment', amount: 2400, currency: 'usd' }} fallback={<p>checkout loading</p>} onError={onError}>
        <PaymentElement />
        <input aria-label="Name on card" />
      </CustomerSessionElements>
      <PricingTable pricingTableId="prctbl_1" fallback={<p>plans loading</p>} onError={onError} />
      <BuyButton buyButtonId="buy_btn_1" onError={onError} />
    </>
  );
}

/**
 * Registers the suite's hooks (MSW over the real handler and emulator, a fake clock, the web-component
 * stand-ins, fresh warn-once keys, a muted console.warn) and returns what its tests use.
 */
export function setupStorefrontSuite() {
  const server = setupMswServer();
  const clock = installFakeClock();
  beforeAll(() => {
    defineStripeWebComponentStandIns();
  });
  beforeEach(() => {
    resetWarnings();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  // Listeners of recordAnsweredSessions and the like end with their test.
  afterEach(() => {
    server.events.removeAllListeners('response:mocked');
  });

  function setup(
    endpointOptions: SessionEndpointOptions = {},
    components: ComponentName[] = ['payment_element', 'pricing_table', 'buy_button'],
    providerProps: ProviderTestProps = {},
  ) {
    const endpoint = createSessionEndpoint(endpointOptions);
    server.use(endpoint.handler);
    const stripe: StripeStandIn = createStripeStandIn();
    const view = renderWithProvider(<Storefront />, {
      components,
      stripe,
      publishableKey: 'pk_test_provider',
      ...providerProps,
    });
    return { endpoint, stripe, view };
  }

  return { server, clock, setup };
}

/** Nothing on the page or in Elements still carries `secret`: not an attribute, not an Elements option. */
export function expectSecretGone(stripe: StripeStandIn, secret: string | null | undefined) {
  expect(secret).toMatch(/^cuss_secret_/);
  expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);
  expect(button()?.hasAttribute(SECRET_ATTR)).toBe(false);
  expect(document.body.innerHTML).not.toContain(secret);
  expect(stripe.elementsOptions).not.toHaveProperty('customerSessionClientSecret');
  expect(screen.getByText('Guest checkout: no customer session')).toBeTruthy();
}

/**
 * Every Customer Session the emulator created behind `endpoint`, oldest first, as the sorted list
 * of the components it enables: what the shop paid Stripe for, whatever the client says.
 */
export function createdSessions(endpoint: SessionEndpoint): string[][] {
  return endpoint.emulator.requests
    .filter((request) => request.method === 'POST' && request.path === '/v1/customer_sessions')
    .map((request) => {
      const components = (request.params.components ?? {}) as Record<string, { enabled?: unknown }>;
      return Object.keys(components)
        .filter((name) => String(components[name]?.enabled) === 'true')
        .sort();
    });
}

/** The secret each component renders now: the Payment Element's (Elements options), the pricing table's and the buy button's attributes. */
export function renderedSecrets(stripe: StripeStandIn): { elements: string | undefined; table: string | null | undefined; button: string | null | undefined } {
  return {
    elements: stripe.elementsOptions?.customerSessionClientSecret,
    table: table()?.getAttribute(SECRET_ATTR),
    button: button()?.getAttribute(SECRET_ATTR),
  };
}

/**
 * The sessions one endpoint request asked for (`{ components }` is one, `{ sessions }` many), or a
 * list of created sessions, as sorted `a+b` strings: which sessions, whatever the effect order.
 */
export function sessionSet(input: { body: unknown } | readonly (readonly string[])[] | undefined): string[] {
  let lists: readonly (readonly string[])[] = [];
  if (Array.isArray(input)) lists = input;
  else if (input && 'body' in input) {
    const body = input.body as { components?: string[]; sessions?: string[][] };
    lists = body.sessions ?? [body.components ?? []];
  }
  return lists.map((list) => [...list].sort().join('+')).sort();
}

/**
 * Every session the MSW endpoints answered from now on, by secret (a `{ sessions }` answer too):
 * what Stripe.js would find behind a secret, for `createStripeStandIn({ resolveSession })`.
 */
export function recordAnsweredSessions(server: ReturnType<typeof setupMswServer>): Map<string, CustomerSession> {
  const answered = new Map<string, CustomerSession>();
  server.events.on('response:mocked', ({ response }) => {
    void response
      .clone()
      .json()
      .then((body: { sessions?: CustomerSession[] } & Partial<CustomerSession>) => {
        for (const session of body.sessions ?? [body as CustomerSession]) if (session.client_secret) answered.set(session.client_secret, session);
      })
      .catch(() => {});
  });
  return answered;
}

/** What the app's endpoint answers a signed-out visitor. */
/** A refusal that is neither retried nor a sign-out (a 401 or 403 would drop the shown secrets). */
export const refused = (): Response => Response.json({ error: { type: 'invalid_request_error', message: 'Not now' } }, { status: 400 });

/** The page comes back online: every session that failed, or is due, asks again (a wake-up). */
export const wakeUp = (): void => act(() => void window.dispatchEvent(new Event('online')));
