import { QueryClient } from '@tanstack/react-query';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { expectOnlyAnswersAfterTheDrop, signOutWhileFirstRequestInFlight } from '../helpers/signOutInFlight';

setupMswServer();
installFakeClock();

it("a sign-out on one provider: another provider's first answer on the same client, asked for before it, is never shown; the session is asked for again", async () => {
  const queryClient = new QueryClient();
  const result = await signOutWhileFirstRequestInFlight({ checkout: queryClient, header: queryClient });
  expect(result.checkout.clientSecret).toBeNull();
  expect(result.requests).toBe(3); // the checkout's, the header's first, the header's again (after the sign-out)
  expectOnlyAnswersAfterTheDrop(result);
});
