// Browser-safe emulator entry: no node: imports (listen lives in ./listen and the testing entry).
export { createStripeEmulator } from './createStripeEmulator';
export type {
  EmulatorClock,
  EmulatorCustomer,
  EmulatorCardBrand,
  EmulatorCustomerFields,
  EmulatorList,
  EmulatorPaymentMethod,
  EmulatorSavedCard,
  EmulatorRequestRecord,
  StripeEmulator,
  StripeEmulatorOptions,
} from './types';
