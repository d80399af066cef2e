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
export type { StandInPlan, StripeWebComponentStandIn, WebComponentStandInOptions } from './defineStripeWebComponentStandIns';
// Stripe's rules for the client secret, as every stand-in on a page checks them in one shared ledger.
export { createStripeSecretLedger, pageSecretLedger } from './rules/createStripeSecretLedger';
export type { LedgerElement, LedgerFallback, StripeSecretLedger } from './rules/createStripeSecretLedger';
export { assertNoStripeRuleViolations, StripeRuleViolationError } from './rules/assertNoStripeRuleViolations';
export { stripeRuleDocs } from './rules/stripeRules';
export type { StripeElementKind, StripeRule, StripeRuleAction, StripeRuleViolation } from './rules/stripeRules';
export { maskClientSecret } from './maskClientSecret';
export { makeCustomerSession } from './makeCustomerSession';
export type { MakeCustomerSessionOptions } from './makeCustomerSession';
export { createDeferred } from './createDeferred';
export type { Deferred } from './createDeferred';
// Resets for test suites: the once-per-page development warnings and the Stripe script loads.
export { resetWarnings } from '../core/warnings';
export { resetStripeScripts } from '../react/stripeScripts';
