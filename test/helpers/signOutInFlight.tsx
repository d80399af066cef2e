import { act, render } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { CustomerSessionProvider } from '../../src/react/CustomerSessionProvider';
import { flushUntil } from './advanceUntil';
import { mswServer } from './mswServer';
import { createSessionEndpoint, type SessionEndpoint } from './sessionEndpoint';
import { createSessionRecorder, type SessionRecorder } from './sessionRecorder';

export interface InFlightScenario {
  /** The checkout's and the header's QueryClients (each provider's own when not given). */
  checkout?: QueryClient;
  header?: QueryClient;
  /** Called before anything renders (say, to queue the checkout's first answer). */
  prepare?(endpoint: SessionEndpoint): void;
  /** The drop; by default the checkout signs out with `enabled={false}`. */
  drop?(scenario: { endpoint: SessionEndpoint; checkout: SessionRecorder; disable(): void }): void | Promise<void>;
}

/**
 * A drop (by default the checkout provider signing out with `enabled={false}`) while a header provider
 * waits on its first answer. Returns what the header showed from the drop on, and the secrets answered
 * to requests sent before and after it.
 */
export async function signOutWhileFirstRequestInFlight(scenario: InFlightScenario = {}) {
  const endpoint = createSessionEndpoint();
  mswServer.use(endpoint.handler);
  scenario.prepare?.(endpoint);
  // Which secrets answer requests sent before the sign-out, which after (by MSW's request id).
  let signedOut = false;
  const sentBefore = new Map<string, boolean>();
  const answered = { before: new Set<string>(), after: new Set<string>() };
  let responses = 0;
  const onStart = ({ requestId }: { requestId: string }) => void sentBefore.set(requestId, !signedOut);
  const onAnswer = async ({ response, requestId }: { response: Response; requestId: string }) => {
    const secrets = (await response.clone().text()).match(/cuss_secret_\w+/g) ?? [];
    for (const secret of secrets) answered[sentBefore.get(requestId) ? 'before' : 'after'].add(secret);
    responses++;
  };
  mswServer.events.on('request:start', onStart);
  mswServer.events.on('response:mocked', onAnswer);
  const header = createSessionRecorder();
  const checkout = createSessionRecorder();
  const tree = (checkoutEnabled: boolean, withHeader: boolean) => (
    <>
      <CustomerSessionProvider queryClient={scenario.checkout} endpoint={endpoint.url} components={['payment_element']} enabled={checkoutEnabled}>
        <checkout.ContextProbe />
      </CustomerSessionProvider>
      {withHeader && (
        <CustomerSessionProvider queryClient={scenario.header} endpoint={endpoint.url} components={['buy_button']}>
          <header.ContextProbe />
        </CustomerSessionProvider>
      )}
    </>
  );
  try {
    const view = render(tree(true, false));
    await flushUntil(() => checkout.latest().status !== 'pending');
    const held = endpoint.hold(); // the header's first request, sent while the customer is signed in
    view.rerender(tree(true, true));
    await flushUntil(() => endpoint.requests.length === 2);
    signedOut = true;
    const fromSignOut = header.states.length;
    const disable = () => act(() => view.rerender(tree(false, true)));
    await (scenario.drop ?? disable)({ endpoint, checkout, disable });
    held.resolve(); // its answer, made for the customer who has just signed out, arrives now
    await flushUntil(() => header.latest().status === 'ready' && responses === endpoint.requests.length);
    return { shown: header.states.slice(fromSignOut), answered, requests: endpoint.requests.length, checkout: checkout.latest() };
  } finally {
    mswServer.events.removeListener('request:start', onStart);
    mswServer.events.removeListener('response:mocked', onAnswer);
  }
}

/** What the header shows in the end answers a request sent after the drop, and nothing answered before it was ever shown. */
export function expectOnlyAnswersAfterTheDrop({ shown, answered }: Awaited<ReturnType<typeof signOutWhileFirstRequestInFlight>>): void {
  expect(shown.at(-1)?.clientSecret).toMatch(/^cuss_secret_/);
  expect(answered.after.has(shown.at(-1)!.clientSecret!)).toBe(true);
  expect(shown.filter((state) => state.clientSecret !== null && answered.before.has(state.clientSecret))).toEqual([]);
}
