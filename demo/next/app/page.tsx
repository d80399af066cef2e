import { createCustomerSession, CustomerSessionRateLimitError, type CustomerSession } from 'react-stripe-customer-session/server';
import { signedInCustomer } from '../lib/auth';
import { policy } from '../lib/policy';
import { shop } from '../lib/stripe';
import { Pricing } from './Pricing';

// The HTML carries the customer's client secret: render per request, never prerender or cache it.
// (Reading cookies already makes the page dynamic; this says so.) It is sent
// `Cache-Control: private, no-store` (next.config.ts; Next's own default for dynamic pages also has both).
export const dynamic = 'force-dynamic';

/**
 * Created while the server renders: the browser shows the customer's table with no request of its own.
 * Over the per-customer rate limit (a reload loop), the page renders without it and the browser asks
 * the endpoint, which answers 429 with Retry-After; the provider honours it.
 */
async function pageSession(customer: string | null): Promise<CustomerSession | undefined> {
  if (customer === null) return undefined;
  const { stripe } = await shop();
  try {
    return await createCustomerSession({ stripe, customer, components: policy, narrow: ['payment_element', 'pricing_table'] });
  } catch (error) {
    if (error instanceof CustomerSessionRateLimitError) return undefined;
    throw error;
  }
}

export default async function PricingPage() {
  const customer = await signedInCustomer();
  const { mode } = await shop();
  const session = await pageSession(customer);
  return (
    <main>
      <h1>Northwind Coffee</h1>
      <p>{customer ? `Signed in (${mode === 'emulator' ? 'emulator' : 'Stripe test mode'})` : 'Signed out'}</p>
      <Pricing initialSession={session} signedIn={customer !== null} />
    </main>
  );
}
