import 'server-only';
import { cookies } from 'next/headers';
import { shop } from './stripe';

/**
 * Stand-in for the app's auth: every visitor is the demo shopper, Jenny Rosen, unless the cookie
 * `demo_signed_out=1` says otherwise. A real app reads its own session here (next-auth, Clerk, a
 * signed cookie) and looks up the user's `stripeCustomerId`. Reading cookies also makes every page
 * that calls this dynamic: it can never be prerendered into a shared, cached file.
 */
export async function signedInCustomer(): Promise<string | null> {
  const jar = await cookies();
  if (jar.get('demo_signed_out')?.value === '1') return null;
  return (await shop()).customerId;
}
