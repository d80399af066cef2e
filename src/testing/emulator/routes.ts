import type { EmulatorState, RouteResult } from './state';
import { createCustomerRoute } from './routes/createCustomerRoute';
import { createCustomerSessionRoute } from './routes/createCustomerSessionRoute';

type Route = (state: EmulatorState, params: Record<string, unknown>) => RouteResult;

/** Every endpoint the emulator serves, by pathname and method. */
export const routes: Readonly<Record<string, Readonly<Record<string, Route>>>> = {
  '/v1/customers': { POST: createCustomerRoute },
  '/v1/customer_sessions': { POST: createCustomerSessionRoute },
};
