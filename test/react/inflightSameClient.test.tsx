import { QueryClient } from '@tanstack/react-query';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { signOutWhileFirstRequestInFlight } from '../helpers/signOutInFlight';

setupMswServer();
installFakeClock();

it("a sign-out on one provider: another provider's first answer on the same client, asked for before it, is never shown; the session is asked for again", async () => {
  const queryClient = new QueryClient();
  const { shown, answered, requests, checkout } = await signOutWhileFirstRequestInFlight({ checkout: queryClient, header: queryClient });
  expect(checkout.clientSecret).toBeNull();
  expect(requests).toBe(3); // the checkout's, the header's first, the header's again (after the sign-out)
  expect(shown.at(-1)?.clientSecret).toMatch(/^cuss_secret_/);
  expect(answered.after.has(shown.at(-1)!.clientSecret!)).toBe(true);
  expect(shown.filter((state) => state.clientSecret !== null && answered.before.has(state.clientSecret))).toEqual([]);
});
