import { act, render } from '@testing-library/react';
import { CustomerSessionProvider } from '../../src/react/CustomerSessionProvider';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock, settle } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const server = setupMswServer();
installFakeClock();

const signedOut = () => Response.json({ error: { type: 'invalid_request_error', message: 'Not signed in' } }, { status: 401 });

// Two providers on one page, each on a QueryClient of its own (no QueryClientProvider above them), on one endpoint.
function openTwoProviders() {
  const endpoint = createSessionEndpoint();
  server.use(endpoint.handler);
  const header = createSessionRecorder();
  const checkout = createSessionRecorder();
  const tree = (checkoutEnabled: boolean) => (
    <>
      <CustomerSessionProvider endpoint={endpoint.url} components={['buy_button']}>
        <header.ContextProbe />
      </CustomerSessionProvider>
      <CustomerSessionProvider endpoint={endpoint.url} components={['payment_element']} enabled={checkoutEnabled}>
        <checkout.ContextProbe />
      </CustomerSessionProvider>
    </>
  );
  const view = render(tree(true));
  const ready = () => header.latest().status === 'ready' && checkout.latest().status === 'ready';
  return { endpoint, header, checkout, ready, signOutCheckout: () => view.rerender(tree(false)) };
}

describe('a sign-out on one QueryClient hides the customer on the other QueryClients of the page', () => {
  it('the endpoint answers 401 to one provider: the other provider on the same endpoint drops its secret too, and asks again', async () => {
    const { endpoint, header, checkout, ready } = openTwoProviders();
    await flushUntil(ready);
    const requests = endpoint.requests.length;
    endpoint.queue(signedOut, signedOut, signedOut);
    await act(() => checkout.latest().refresh());
    await flushUntil(() => checkout.latest().status === 'error' && header.latest().status === 'error');
    expect(header.latest()).toMatchObject({ clientSecret: null, error: { status: 401 } });
    // The checkout's refresh, then each provider asks again, the header included (a request per client;
    // one for both on TanStack Query versions that pass the query function no client, such as 5.52).
    const askedAgain = endpoint.requests.slice(requests + 1).flatMap(({ body }) => {
      const { components, sessions } = body as { components?: string[]; sessions?: string[][] };
      return (sessions ?? [components ?? []]).map(String);
    });
    expect(askedAgain.sort()).toEqual(['buy_button', 'payment_element']);
  });

  it('one provider turns enabled={false}: the other provider on the same endpoint drops its secret and asks again', async () => {
    const { endpoint, header, ready, signOutCheckout } = openTwoProviders();
    await flushUntil(ready);
    const first = header.latest().clientSecret;
    const answer = endpoint.hold();
    act(() => signOutCheckout());
    await flushUntil(() => header.latest().clientSecret === null);
    answer.resolve();
    await flushUntil(() => header.latest().status === 'ready');
    expect(header.latest().clientSecret).not.toBe(first);
  });

  it("the other provider asks again with its requestInit of the sign-out render, never the signed-out customer's credentials", async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const header = createSessionRecorder();
    const init = (token: string | null): RequestInit => (token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    // The checkout comes first: its effects (and so its drop) run before the header's in the sign-out commit.
    const tree = (token: string | null) => (
      <>
        <CustomerSessionProvider endpoint={endpoint.url} components={['payment_element']} enabled={token !== null} requestInit={init(token)}>
          {null}
        </CustomerSessionProvider>
        <CustomerSessionProvider endpoint={endpoint.url} components={['buy_button']} requestInit={init(token)}>
          <header.ContextProbe />
        </CustomerSessionProvider>
      </>
    );
    const view = render(tree('tok_jenny'));
    await flushUntil(() => header.latest().status === 'ready');
    const before = endpoint.requests.length;
    act(() => view.rerender(tree(null))); // signed out: no token, the checkout off
    await settle();
    const after = endpoint.requests.slice(before).map((request) => request.headers.get('authorization'));
    expect(after.length).toBeGreaterThan(0); // the header asked again
    expect(after).toEqual(after.map(() => null));
  });
});
