export { createCustomerSessionHandler } from './createCustomerSessionHandler';
export { toNodeListener } from './toNodeListener';
export type { NodeListenerOptions, NodeListenerRequest, NodeListenerResponse } from './toNodeListener';
export type {
  CustomerSessionHandler,
  CustomerSessionHandlerOptions,
  CustomerSessionStripeClient,
  ResolvedCustomer,
} from './types';
export type { StripeErrorBody, StripeErrorObject } from '../core/types';
// The wire model the handler validates with, for apps that build params themselves.
export { validateCustomerSessionParams } from '../params/validateCustomerSessionParams';
export { isValidCustomerSessionParams } from '../params/isValidCustomerSessionParams';
export { encodeStripeForm } from '../params/encodeStripeForm';
export type { CustomerSession, CustomerSessionCreateParams, CustomerSessionComponentsParams, ParamIssue } from '../core/types';
