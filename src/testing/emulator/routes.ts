import type { EmulatorState, RouteResult } from './state';
import { createCustomerRoute } from './routes/createCustomerRoute';
import { createCustomerSessionRoute } from './routes/createCustomerSessionRoute';
import {
  attachPaymentMethodRoute,
  createPaymentMethodRoute,
  detachPaymentMethodRoute,
  listCustomerPaymentMethodsRoute,
} from './routes/paymentMethodRoutes';

/** An endpoint: the decoded params, then the `:id` of its path when it has one. */
type Route = (state: EmulatorState, params: Record<string, unknown>, id: string) => RouteResult;

/** Every endpoint the emulator serves, by path template and method. `:id` matches one path segment. */
const routes: ReadonlyArray<readonly [template: string, method: string, route: Route]> = [
  ['/v1/customers', 'POST', createCustomerRoute],
  ['/v1/customer_sessions', 'POST', createCustomerSessionRoute],
  ['/v1/payment_methods', 'POST', createPaymentMethodRoute],
  ['/v1/payment_methods/:id/attach', 'POST', attachPaymentMethodRoute],
  ['/v1/payment_methods/:id/detach', 'POST', detachPaymentMethodRoute],
  ['/v1/customers/:id/payment_methods', 'GET', listCustomerPaymentMethodsRoute],
];

const compiled = routes.map(([template, method, route]) => {
  const pattern = new RegExp(`^${template.replace(':id', '([A-Za-z0-9_]+)')}$`);
  return { pattern, method, route };
});

/** The endpoint for `method` and `path`, bound to the path's `:id`; `undefined` when none (Stripe's 404). */
export function findRoute(method: string, path: string): ((state: EmulatorState, params: Record<string, unknown>) => RouteResult) | undefined {
  for (const { pattern, method: wanted, route } of compiled) {
    const match = method === wanted ? pattern.exec(path) : null;
    if (match) return (state, params) => route(state, params, match[1] ?? '');
  }
  return undefined;
}
