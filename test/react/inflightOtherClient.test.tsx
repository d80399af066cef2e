import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { signOutWhileFirstRequestInFlight } from '../helpers/signOutInFlight';

setupMswServer();
installFakeClock();

it("a sign-out on one client: another client's first answer, asked for before it, is never shown; the session is asked for again", async () => {
  const { shown, answered, requests, checkout } = await signOutWhileFirstRequestInFlight();
  expect(checkout.clientSecret).toBeNull();
  expect(requests).toBe(3); // the checkout's, the header's first, the header's again (after the sign-out)
  expect(shown.at(-1)?.clientSecret).toMatch(/^cuss_secret_/);
  expect(answered.after.has(shown.at(-1)!.clientSecret!)).toBe(true);
  expect(shown.filter((state) => state.clientSecret !== null && answered.before.has(state.clientSecret))).toEqual([]);
});
