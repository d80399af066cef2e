import { createCustomerSessions, CustomerSessionRateLimitError, type CustomerSession } from 'react-stripe-customer-session/server';
import { signedInCustomer } from '../lib/auth';
import { pageSessions as asked, policy } from '../lib/policy';
import { shop } from '../lib/stripe';
import { Pricing } from './Pricing';

// The HTML carries the customer's client secrets: render per request, never prerender or cache it.
// (Reading cookies already makes the page dynamic; this says so.) It is sent
// `Cache-Control: private, no-store` (next.config.ts; Next's own default for dynamic pages also has both).
export const dynamic = 'force-dynamic';

type PageSessions = { sessions: CustomerSession[] } | { refused: CustomerSessionRateLimitError } | null;

/**
 * Created while the server renders, one per customer-aware element plus the provider's own (its
 * state), in one call: every element's secret is in the first HTML, distinct, and the browser asks
 * for none of them. Over the per-customer rate limit (a reload loop), the page still renders, with
 * the elements shown as for a guest; the next page view within the limit is the customer's again.
 */
async function pageSessions(customer: string | null): Promise<PageSessions> {
  if (customer === null) return null;
  const { stripe } = await shop();
  try {
    return { sessions: await createCustomerSessions({ stripe, customer, components: policy, sessions: asked }) };
  } catch (error) {
    if (error instanceof CustomerSessionRateLimitError) return { refused: error };
    throw error;
  }
}

export default async function PricingPage() {
  const customer = await signedInCustomer();
  const { mode } = await shop();
  const page = await pageSessions(customer);
  const refused = page !== null && 'refused' in page ? page.refused : null;
  return (
    <main>
      <h1>Northwind Coffee</h1>
      <p>{customer ? `Signed in (${mode === 'emulator' ? 'emulator' : 'Stripe test mode'})` : 'Signed out'}</p>
      {refused && <p role="status">Too many requests for your account: showing plans as for a guest. Try again in {refused.retryAfterSeconds} s.</p>}
      <Pricing sessions={page !== null && 'sessions' in page ? page.sessions : undefined} />
    </main>
  );
}
