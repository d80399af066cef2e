// No 'use client' here: each client module carries its own directive (the build preserves modules),
// so CustomerSessionError, componentNames and the other plain exports stay usable from Server Components.
export { componentNames, isComponentName } from './core/componentNames';
export type { ComponentName } from './core/componentNames';
export { CustomerSessionError, isCustomerSessionError, isCustomerSessionExpiredError } from './core/CustomerSessionError';
export type { CustomerSessionErrorKind } from './core/CustomerSessionError';
export type * from './core/types';
export type * from './react/types';
export { useCustomerSession } from './react/useCustomerSession';
export { CustomerSessionProvider } from './react/CustomerSessionProvider';
export { useCustomerSessionContext } from './react/useCustomerSessionContext';
export { isCustomerSessionQuery } from './react/isCustomerSessionQuery';
export { customerSessionQueryKeyPrefix } from './react/customerSessionQueryKeyPrefix';
export { expiryDefaults } from './core/expiryDefaults';
export { CustomerSessionElements } from './react/CustomerSessionElements';
export { PricingTable } from './react/PricingTable';
export { BuyButton } from './react/BuyButton';
export { useComponentSecret } from './react/useComponentSecret';
export type * from './react/componentTypes';
export type { StripeBuyButtonAttributes, StripePricingTableAttributes } from './react/stripeWebComponentsJsx';
