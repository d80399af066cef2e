'use client';
import { PaymentElement } from '@stripe/react-stripe-js';
import { CustomerSessionElements, CustomerSessionProvider, PricingTable, type ComponentName, type CustomerSession } from 'react-stripe-customer-session';

const publishableKey = process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY ?? 'pk_test_next_demo';
const pricingTableId = process.env.NEXT_PUBLIC_STRIPE_PRICING_TABLE_ID ?? 'prctbl_next_demo';
const components: ComponentName[] = ['payment_element', 'pricing_table'];

/**
 * The customer-aware part of the page. `initialSession` seeds the provider's state and
 * `initialSessions` the elements, so the server HTML already holds
 * `<stripe-pricing-table customer-session-client-secret="…">` with the table's own secret, and the
 * browser makes no request until the refresh before expiry, which goes through `/api/customer-session`.
 * `sessions` is what `pageSessions` (lib/policy.ts) asked for, in its order. No sessions (signed out, or refused by the rate limit): the elements render for a guest.
 */
export function Pricing({ sessions }: { sessions: CustomerSession[] | undefined }) {
  const [state, ...elements] = sessions ?? [];
  return (
    <CustomerSessionProvider
      endpoint="/api/customer-session"
      components={components}
      initialSession={state}
      initialSessions={elements}
      enabled={sessions !== undefined}
      publishableKey={publishableKey}
    >
      <PricingTable pricingTableId={pricingTableId} fallback={<p>Loading plans…</p>} />
      <section aria-label="Checkout">
        <CustomerSessionElements options={{ mode: 'payment', amount: 2400, currency: 'usd' }} fallback={<p>Loading payment form…</p>}>
          <PaymentElement />
        </CustomerSessionElements>
      </section>
    </CustomerSessionProvider>
  );
}
