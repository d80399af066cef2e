// No 'use client' here: each client module carries its own directive (the build preserves modules),
// so CustomerSessionError, componentNames and the other plain exports stay usable from Server Components.
export { componentNames, isComponentName } from './core/componentNames';
export type { ComponentName } from './core/componentNames';
export { CustomerSessionError, isCustomerSessionError, isCustomerSessionExpiredError } from './core/errors';
export type { CustomerSessionErrorKind } from './core/errors';
export type { CustomerSessionData, CustomerSessionEndpointContext } from './core/fetch';
export type * from './core/types';
export type * from './react/types';
export { useCustomerSession } from './react/useCustomerSession';
export { CustomerSessionProvider, useCustomerSessionContext } from './react/CustomerSessionProvider';
export { customerSessionQueryKeyPrefix, customerSessionQueryOptions, isCustomerSessionQuery } from './react/query';
export type { CustomerSessionQueryKey, CustomerSessionQueryOptions, CustomerSessionQueryOptionsInput } from './react/query';
export { expiryDefaults } from './core/expiry';
export { CustomerSessionElements } from './react/CustomerSessionElements';
export { PricingTable, BuyButton } from './react/webComponents';
export { useComponentSecret } from './react/elementSecret';
export type { StripeBuyButtonAttributes, StripePricingTableAttributes } from './react/stripeWebComponentsJsx';
