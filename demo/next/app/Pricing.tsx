'use client';
import { PaymentElement } from '@stripe/react-stripe-js';
import { CustomerSessionElements, CustomerSessionProvider, PricingTable, type CustomerSession } from 'react-stripe-customer-session';

const publishableKey = process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY ?? 'pk_test_next_demo';
const pricingTableId = process.env.NEXT_PUBLIC_STRIPE_PRICING_TABLE_ID ?? 'prctbl_next_demo';

/**
 * The customer-aware part of the page. `initialSession` seeds the provider, so the server HTML
 * already holds `<stripe-pricing-table customer-session-client-secret="…">`, and the browser makes
 * no request until the refresh before expiry, which goes through `/api/customer-session`.
 */
export function Pricing({ initialSession, signedIn }: { initialSession: CustomerSession | undefined; signedIn: boolean }) {
  return (
    <CustomerSessionProvider
      endpoint="/api/customer-session"
      components={['payment_element', 'pricing_table']}
      initialSession={initialSession}
      enabled={signedIn}
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
