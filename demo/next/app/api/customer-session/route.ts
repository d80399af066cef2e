import { createCustomerSessionHandler, type CustomerSessionHandler } from 'react-stripe-customer-session/server';
import { signedInCustomer } from '../../../lib/auth';
import { policy } from '../../../lib/policy';
import { shop } from '../../../lib/stripe';

// The refreshes: the browser POSTs here before the server-rendered session expires.
let handler: Promise<CustomerSessionHandler> | undefined;

function getHandler(): Promise<CustomerSessionHandler> {
  // Same auth as the page: `cookies()` works in route handlers too.
  handler ??= shop().then(({ stripe }) => createCustomerSessionHandler({ stripe, components: policy, resolveCustomer: signedInCustomer }));
  return handler;
}

export async function POST(request: Request): Promise<Response> {
  return (await getHandler())(request);
}
