export { createCustomerSessionHandler } from './createCustomerSessionHandler';
export { toNodeListener } from './toNodeListener';
export type {
  CustomerSessionHandler,
  CustomerSessionHandlerOptions,
  CustomerSessionStripeClient,
  ResolvedCustomer,
} from './types';
export type { StripeErrorBody, StripeErrorObject } from '../core/types';
