export { createCustomerSessionHandler } from './createCustomerSessionHandler';
export { createCustomerSession } from './createCustomerSession';
export { createCustomerSessions } from './createCustomerSessions';
export { maxSessionsPerRequest } from './sessionBatch';
export { CustomerSessionRateLimitError, RateLimiterUnavailableError } from './rateLimitTypes';
export type { CustomerSessionRateLimiter, RateLimitFailureMode, RateLimitOption, RateLimitScope, StripeBudgetOption } from './rateLimitTypes';
export type {
  CreateCustomerSessionOptions,
  CreateCustomerSessionsOptions,
  CustomerSessionBatchResponse,
  CustomerSessionHandler,
  CustomerSessionHandlerOptions,
  CustomerSessionRateLimitOptions,
  CustomerSessionRequestBody,
  CustomerSessionStripeClient,
  ResolvedCustomer,
} from './types';
export type { StripeErrorBody, StripeErrorObject } from '../core/types';
// The wire model the handler validates with, for apps that build params themselves.
export { isValidCustomerSessionParams, validateCustomerSessionParams } from '../params/validate';
export { encodeStripeForm } from '../params/form';
export type { ComponentName } from '../core/componentNames';
export type { CustomerSession, CustomerSessionCreateParams, CustomerSessionComponentsParams, ParamIssue } from '../core/types';
