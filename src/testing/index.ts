// The browser-safe emulator pieces, then what needs Node (listen) and the stand-ins.
export * from './emulator';
export { listen } from './emulator/listen';
export type { ListeningEmulator } from './emulator/listen';
export { createEmulatorStripeClient } from './createEmulatorStripeClient';
export type {
  EmulatorRequestOptions,
  EmulatorStripeClient,
  EmulatorStripeClientOptions,
  EmulatorPaymentMethodCreateParams,
  EmulatorListPaymentMethodsParams,
} from './createEmulatorStripeClient';
export { seedSavedCards } from './seedSavedCards';
export { EmulatorStripeError } from './emulator/EmulatorStripeError';
export type { EmulatorRawError } from './emulator/EmulatorStripeError';
export { createStripeStandIn } from './createStripeStandIn';
export type { StripeStandIn, StripeStandInCalls, StripeStandInOptions } from './createStripeStandIn';
export type { StandInConfirmCall } from './confirmWithStandIn';
export { defineStripeWebComponentStandIns } from './defineStripeWebComponentStandIns';
export type { StandInPlan, WebComponentStandInOptions } from './defineStripeWebComponentStandIns';
export { maskClientSecret } from '../params/maskClientSecret';
export { makeCustomerSession } from './makeCustomerSession';
export type { MakeCustomerSessionOptions } from './makeCustomerSession';
export { createDeferred } from './createDeferred';
export type { Deferred } from './createDeferred';
// Resets for test suites: the once-per-page development warnings and the Stripe script loads.
export { resetWarnings } from '../core/warnings';
export { resetStripeScripts } from '../react/stripeScripts';
