import { createCustomerSessionHandler, type CustomerSessionHandler } from 'react-stripe-customer-session/server';
import { policy, rateLimit, shop, signedInCustomer } from '../shop.server';

// The refreshes: the browser POSTs here before the server-rendered session expires.
let handler: Promise<CustomerSessionHandler> | undefined;
const getHandler = () => (handler ??= shop().then(({ stripe }) => createCustomerSessionHandler({ stripe, components: policy, resolveCustomer: signedInCustomer, rateLimit })));

// POST is the endpoint; any other method gets the handler's own 405 with `Allow: POST`.
export async function action({ request }: { request: Request }): Promise<Response> {
  return (await getHandler())(request);
}
export async function loader({ request }: { request: Request }): Promise<Response> {
  return (await getHandler())(request);
}
