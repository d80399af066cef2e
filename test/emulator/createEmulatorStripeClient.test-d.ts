import type { CustomerSessionStripeClient } from '../../src/server/types';
import type { EmulatorStripeClient } from '../../src/testing/createEmulatorStripeClient';

describe('createEmulatorStripeClient types', () => {
  it('fits where the server handler takes a Stripe client', () => {
    expectTypeOf<EmulatorStripeClient>().toExtend<CustomerSessionStripeClient>();
  });
});
