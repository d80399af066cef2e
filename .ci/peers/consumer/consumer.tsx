// A consumer app as users write it, against the packed package: type-checked with strict settings,
// skipLibCheck off and no @types/node, under `bundler` and `node16` resolution; render.test.tsx renders it.
import { StrictMode, type ReactNode } from 'react';
import { PaymentElement } from '@stripe/react-stripe-js';
import type { Stripe } from '@stripe/stripe-js';
import {
  BuyButton,
  CustomerSessionElements,
  CustomerSessionProvider,
  PricingTable,
  useCustomerSession,
  type CustomerSessionEndpoint,
} from 'react-stripe-customer-session';
import { toNodeListener } from 'react-stripe-customer-session/node';
import { createCustomerSessionHandler, type CustomerSessionHandler } from 'react-stripe-customer-session/server';
import { createStripeStandIn, defineStripeWebComponentStandIns, makeCustomerSession } from 'react-stripe-customer-session/testing';

export { createStripeStandIn, defineStripeWebComponentStandIns, makeCustomerSession };

/** Provider + Payment Element + pricing table under StrictMode, the way an app page composes them. */
export function Storefront({ endpoint, stripe }: { endpoint: CustomerSessionEndpoint; stripe: Stripe }): ReactNode {
  return (
    <StrictMode>
      <CustomerSessionProvider endpoint={endpoint} components={['payment_element', 'pricing_table']} stripe={stripe} publishableKey="pk_test_consumer">
        <CustomerSessionElements options={{ mode: 'payment', amount: 1200, currency: 'usd' }} fallback={<p>checkout loading</p>}>
          <PaymentElement />
        </CustomerSessionElements>
        <PricingTable pricingTableId="prctbl_consumer" fallback={<p>plans loading</p>} />
      </CustomerSessionProvider>
    </StrictMode>
  );
}

/** Typed only: the standalone hook and the buy button outside a provider. */
export function Badge(): ReactNode {
  const { status, clientSecret, isEnabled } = useCustomerSession({ endpoint: '/api/customer-session', components: ['buy_button'] });
  const label: string = `${status}${clientSecret === null ? '' : ' (secret held)'}`;
  return isEnabled('buy_button') ? <span>{label}</span> : <BuyButton anonymous buyButtonId="buy_btn_consumer" publishableKey="pk_test_consumer" />;
}

/** The server entry with a structural Stripe client (the official SDK is checked in stripeServer.ts). */
export const handler: CustomerSessionHandler = createCustomerSessionHandler({
  stripe: { customerSessions: { create: async (params) => makeCustomerSession({ customer: params.customer ?? 'cus_consumer' }) } },
  resolveCustomer: (request) => (request.headers.get('cookie') ? 'cus_consumer' : null),
  components: { payment_element: { enabled: true }, pricing_table: { enabled: true } },
});

/** Callable with Node's request and response, without @types/node in this program. */
export const nodeListener = toNodeListener(handler);
