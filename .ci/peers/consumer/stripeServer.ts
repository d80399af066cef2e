// The server entry with the official SDK at the peer range's ends, served from Node's http server.
// A separate program: `stripe`'s own typings need @types/node (its optional peer); consumer.tsx proves ours do not.
import { createServer } from 'node:http';
import Stripe from 'stripe';
import { toNodeListener } from 'react-stripe-customer-session/node';
import { createCustomerSessionHandler } from 'react-stripe-customer-session/server';

const handler = createCustomerSessionHandler({
  stripe: new Stripe('sk_test_consumer'),
  resolveCustomer: () => ({ customer: 'cus_consumer' }),
  components: { pricing_table: { enabled: true } },
});

export const server = createServer(toNodeListener(handler, { trustProxy: false }));
