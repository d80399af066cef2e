import { act, render } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { CustomerSessionProvider } from '../../src/react/CustomerSessionProvider';
import { flushUntil } from './advanceUntil';
import { mswServer } from './mswServer';
import { createSessionEndpoint } from './sessionEndpoint';
import { createSessionRecorder } from './sessionRecorder';

/**
 * A checkout provider signs out (`enabled={false}`) while a header provider (on `headerClient`, or
 * its own client when none is given) waits on its first answer. Returns what the header showed from
 * the sign-out on, and the secrets answered to requests sent before and after it.
 */
export async function signOutWhileFirstRequestInFlight(clients: { checkout?: QueryClient; header?: QueryClient } = {}) {
  const endpoint = createSessionEndpoint();
  mswServer.use(endpoint.handler);
  // Which secrets answer requests sent before the sign-out, which after (by MSW's request id).
  let signedOut = false;
  const sentBefore = new Map<string, boolean>();
  const answered = { before: new Set<string>(), after: new Set<string>() };
  const onStart = ({ requestId }: { requestId: string }) => void sentBefore.set(requestId, !signedOut);
  const onAnswer = async ({ response, requestId }: { response: Response; requestId: string }) => {
    const secrets = (await response.clone().text()).match(/cuss_secret_\w+/g) ?? [];
    for (const secret of secrets) answered[sentBefore.get(requestId) ? 'before' : 'after'].add(secret);
  };
  mswServer.events.on('request:start', onStart);
  mswServer.events.on('response:mocked', onAnswer);
  const header = createSessionRecorder();
  const checkout = createSessionRecorder();
  const tree = (checkoutEnabled: boolean, withHeader: boolean) => (
    <>
      <CustomerSessionProvider queryClient={clients.checkout} endpoint={endpoint.url} components={['payment_element']} enabled={checkoutEnabled}>
        <checkout.ContextProbe />
      </CustomerSessionProvider>
      {withHeader && (
        <CustomerSessionProvider queryClient={clients.header} endpoint={endpoint.url} components={['buy_button']}>
          <header.ContextProbe />
        </CustomerSessionProvider>
      )}
    </>
  );
  try {
    const view = render(tree(true, false));
    await flushUntil(() => checkout.latest().status === 'ready');
    const held = endpoint.hold(); // the header's first request, sent while the customer is signed in
    view.rerender(tree(true, true));
    await flushUntil(() => endpoint.requests.length === 2);
    signedOut = true;
    act(() => view.rerender(tree(false, true)));
    const fromSignOut = header.states.length;
    held.resolve(); // its answer, made for the customer who has just signed out, arrives now
    await flushUntil(() => header.latest().status === 'ready' && answered.before.size + answered.after.size === endpoint.requests.length);
    return { shown: header.states.slice(fromSignOut), answered, requests: endpoint.requests.length, checkout: checkout.latest() };
  } finally {
    mswServer.events.removeListener('request:start', onStart);
    mswServer.events.removeListener('response:mocked', onAnswer);
  }
}
