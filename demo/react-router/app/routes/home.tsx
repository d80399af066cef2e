import { PaymentElement } from '@stripe/react-stripe-js';
import { data, useLoaderData, type HeadersFunction } from 'react-router';
import { CustomerSessionElements, CustomerSessionProvider, PricingTable } from 'react-stripe-customer-session';
import { createCustomerSessions, CustomerSessionRateLimitError } from 'react-stripe-customer-session/server';
import { policy, rateLimit, shop, signedInCustomer } from '../shop.server';

const publishableKey = 'pk_test_react_router_demo';
const pricingTableId = 'prctbl_react_router_demo';

// The provider's own session (its state), then one per customer-aware element, each for its component
// alone (Stripe's secrets are single-use), in the order the page renders them.
const pageSessions = [['payment_element', 'pricing_table'], ['pricing_table'], ['payment_element']] as const;

/**
 * Creates the sessions while the page renders, so the first HTML holds the customer's pricing table.
 * Over the per-customer rate limit (a reload loop) the page still renders, for a guest: a page view
 * must never fail because a session could not be made.
 */
export async function loader({ request }: { request: Request }) {
  const customer = await signedInCustomer(request);
  let sessions;
  let rateLimited = false;
  if (customer !== null) {
    try {
      sessions = await createCustomerSessions({ stripe: (await shop()).stripe, customer, components: policy, sessions: pageSessions, rateLimit });
    } catch (error) {
      if (!(error instanceof CustomerSessionRateLimitError)) throw error;
      rateLimited = true;
    }
  }
  // The HTML (and the .data of a client navigation) carries a client secret: no shared cache may store it.
  return data({ sessions, signedIn: customer !== null, rateLimited }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function Home() {
  const { sessions, signedIn, rateLimited } = useLoaderData<typeof loader>();
  const [state, ...elements] = sessions ?? [];
  const customer = signedIn && !rateLimited;
  return (
    <main>
      <h1>Northwind Coffee</h1>
      <p>{customer ? 'Signed in' : rateLimited ? 'Plans for guests (too many sessions for this customer just now)' : 'Signed out'}</p>
      {customer ? (
        <CustomerSessionProvider
          endpoint="/api/customer-session"
          components={['payment_element', 'pricing_table']}
          initialSession={state}
          initialSessions={elements}
          publishableKey={publishableKey}
        >
          <PricingTable pricingTableId={pricingTableId} fallback={<p>Loading plans…</p>} />
          <CustomerSessionElements options={{ mode: 'payment', amount: 2400, currency: 'usd' }} fallback={<p>Loading payment form…</p>}>
            <PaymentElement />
          </CustomerSessionElements>
        </CustomerSessionProvider>
      ) : (
        <PricingTable anonymous publishableKey={publishableKey} pricingTableId={pricingTableId} fallback={<p>Loading plans…</p>} />
      )}
    </main>
  );
}
