'use client';
export { componentNames, isComponentName } from './core/componentNames';
export type { ComponentName } from './core/componentNames';
export { CustomerSessionError, isCustomerSessionError } from './core/CustomerSessionError';
export type { CustomerSessionErrorKind } from './core/CustomerSessionError';
export type * from './core/types';
export type * from './react/types';
