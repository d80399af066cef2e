import { createCustomerSession } from 'react-stripe-customer-session/server';
import { signedInCustomer } from '../lib/auth';
import { policy } from '../lib/policy';
import { shop } from '../lib/stripe';
import { Pricing } from './Pricing';

// The HTML carries the customer's client secret: render per request, never prerender or cache it.
// (Reading cookies already makes the page dynamic; this says so.) Next then sends
// `Cache-Control: private, no-cache, no-store, max-age=0, must-revalidate`.
export const dynamic = 'force-dynamic';

export default async function PricingPage() {
  const customer = await signedInCustomer();
  const { stripe, mode } = await shop();
  // Created while the server renders: the browser shows the customer's table with no request of its own.
  const session = customer ? await createCustomerSession({ stripe, customer, components: policy, narrow: ['pricing_table', 'payment_element'] }) : undefined;
  return (
    <main>
      <h1>Northwind Coffee</h1>
      <p>{customer ? `Signed in (${mode === 'emulator' ? 'emulator' : 'Stripe test mode'})` : 'Signed out'}</p>
      <Pricing initialSession={session} signedIn={customer !== null} />
    </main>
  );
}
