import { act } from '@testing-library/react';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { expectOnlyAnswersAfterTheDrop, signOutWhileFirstRequestInFlight, type InFlightScenario } from '../helpers/signOutInFlight';

// Every kind of drop, not only `enabled={false}`: a header provider's first answer, asked for before
// the drop, is never shown; the session is asked for again (each provider on its own QueryClient).
setupMswServer();
installFakeClock();
const refused = (status: number) => () => Response.json({ error: { type: 'invalid_request_error', message: 'Not signed in' } }, { status });

it.each<[string, InFlightScenario, number]>([
  // The checkout holds no session (its request was refused with a 400), so there is nothing of it to drop.
  ['the checkout signs out before it ever had a session', { prepare: (endpoint) => endpoint.queue(refused(400)) }, 3],
  [
    "the endpoint answers 401 to the checkout's refresh",
    {
      drop: async ({ endpoint, checkout }) => {
        endpoint.queue(refused(401));
        await act(() => checkout.latest().refresh());
      },
    },
    5, // the checkout's, the header's, the refused refresh, the checkout's next, the header's again
  ],
  ['the page is restored from the back/forward cache', { drop: () => act(() => void window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))) }, 4],
])('%s', async (_, scenario, expectedRequests) => {
  const result = await signOutWhileFirstRequestInFlight(scenario);
  expect(result.requests).toBe(expectedRequests);
  expectOnlyAnswersAfterTheDrop(result);
});
