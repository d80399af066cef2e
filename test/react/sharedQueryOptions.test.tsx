import { act, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { CustomerSessionProvider, customerSessionQueryOptions, type CustomerSession } from '../../src/index';
import { installFakeClock } from '../helpers/fakeClock';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';

const clock = installFakeClock();

describe('one customerSessionQueryOptions object on two QueryClients', () => {
  it("aborting one client's request (its last observer left) leaves the other client's request running", async () => {
    const signals: AbortSignal[] = [];
    const pending: Array<(session: CustomerSession) => void> = [];
    const endpoint = ({ signal }: { signal: AbortSignal }) => {
      signals.push(signal);
      return new Promise<CustomerSession>((resolve) => pending.push(resolve));
    };
    const options = customerSessionQueryOptions({ endpoint, components: ['pricing_table'] });
    const [a, b] = [new QueryClient(), new QueryClient()];
    let bDone: Promise<void> | undefined;
    await act(async () => {
      void a.prefetchQuery(options);
      bDone = b.prefetchQuery(options);
    });
    expect(signals).toHaveLength(2);

    // A hook joins client A's request, then leaves: a macrotask later the lifecycle aborts it.
    const view = render(
      <CustomerSessionProvider endpoint={endpoint} components={['pricing_table']} queryClient={a}>
        <p>checkout</p>
      </CustomerSessionProvider>,
    );
    view.unmount();
    await clock.advance(1);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[1]?.aborted).toBe(false);

    const session = makeCustomerSession({ components: ['pricing_table'] });
    await act(async () => {
      pending[1]?.(session);
      await bDone;
    });
    expect(b.getQueryData(options.queryKey)?.session.client_secret).toBe(session.client_secret);
  });
});
