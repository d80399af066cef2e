export { createCustomerSessionHandler } from './createCustomerSessionHandler';
export { toNodeListener } from './toNodeListener';
export type {
  CustomerSessionHandler,
  CustomerSessionHandlerOptions,
  CustomerSessionStripeClient,
  ResolvedCustomer,
} from './types';
export type { StripeErrorBody, StripeErrorObject } from '../core/types';
// The wire model the handler validates with, for apps that build params themselves.
export { isValidCustomerSessionParams, validateCustomerSessionParams } from '../params/validate';
export { encodeStripeForm } from '../params/form';
export type { CustomerSession, CustomerSessionCreateParams, CustomerSessionComponentsParams, ParamIssue } from '../core/types';
