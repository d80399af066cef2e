import { act, render } from '@testing-library/react';
import { memo, useState } from 'react';
import { useCustomerSessionContext } from '../../src/react/CustomerSessionProvider';
import { useCustomerSession } from '../../src/react/useCustomerSession';
import type { CustomerSessionState } from '../../src/react/types';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { providerTree } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';

const server = setupMswServer();
const clock = installFakeClock();
const minute = 60_000;

describe('render economy', () => {
  it('renders each consumer once per real change and not when an unrelated parent re-renders', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const renders = new Map<number, CustomerSessionState[]>();
    const Consumer = memo(function Consumer({ id }: { id: number }) {
      const state = useCustomerSessionContext();
      renders.set(id, [...(renders.get(id) ?? []), state]);
      return null;
    });
    let bump: () => void = () => {};
    function App() {
      const [count, setCount] = useState(0);
      bump = () => setCount((c) => c + 1);
      return (
        <div data-count={count}>
          {providerTree(
            Array.from({ length: 10 }, (_, i) => <Consumer key={i} id={i} />),
            { components: ['payment_element'] },
          )}
        </div>
      );
    }
    render(<App />);
    const statuses = (id: number) => renders.get(id)!.map((s) => s.status);
    await flushUntil(() => statuses(0).at(-1) === 'ready');
    expect(statuses(0)).toEqual(['pending', 'ready']);

    act(() => bump());
    act(() => bump());
    expect(statuses(0)).toEqual(['pending', 'ready']);

    await clock.advance(25 * minute);
    await flushUntil(() => statuses(0).at(-1) === 'ready' && statuses(0).length > 2);
    expect(statuses(0)).toEqual(['pending', 'ready', 'refreshing', 'ready']);
    for (let id = 0; id < 10; id++) expect(renders.get(id)).toHaveLength(4);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('returns the same state object from useCustomerSession while nothing changes', async () => {
    const endpoint = createSessionEndpoint({ url: '/api/stable' });
    server.use(endpoint.handler);
    const states: CustomerSessionState[] = [];
    let bump: () => void = () => {};
    function Reader() {
      const [, setCount] = useState(0);
      bump = () => setCount((c) => c + 1);
      states.push(useCustomerSession({ endpoint: endpoint.url, components: ['pricing_table'], requestInit: { headers: { 'X-Page': 'a' } } }));
      return null;
    }
    render(<Reader />);
    await flushUntil(() => states.at(-1)?.status === 'ready');
    const ready = states.at(-1);
    act(() => bump());
    act(() => bump());
    expect(states.at(-1)).toBe(ready);
    expect(states.at(-2)).toBe(ready);
    expect(endpoint.requests).toHaveLength(1);
  });

  it('renders a consumer that reads only the secret once per rotation (tracked fields, like TanStack results)', async () => {
    const endpoint = createSessionEndpoint({ url: '/api/secret-only' });
    server.use(endpoint.handler);
    const secrets: Array<string | null> = [];
    const statuses: string[] = [];
    function SecretOnly() {
      secrets.push(useCustomerSessionContext().clientSecret);
      return null;
    }
    function StatusReader() {
      statuses.push(useCustomerSessionContext().status);
      return null;
    }
    render(providerTree(<><SecretOnly /><StatusReader /></>, { endpoint: endpoint.url, components: ['payment_element'] }));
    await flushUntil(() => secrets.at(-1) !== null && secrets.at(-1) !== undefined);
    expect(secrets).toEqual([null, expect.stringMatching(/^cuss_secret_/)]);
    for (let refresh = 1; refresh <= 5; refresh++) {
      await clock.advance(25 * minute);
      await flushUntil(() => endpoint.requests.length === refresh + 1 && statuses.at(-1) === 'ready');
    }
    // One render per rotation for the secret reader; refreshing + ready for the status reader.
    expect(secrets).toHaveLength(2 + 5);
    expect(new Set(secrets).size).toBe(7);
    expect(statuses).toEqual(['pending', 'ready', ...Array.from({ length: 5 }, () => ['refreshing', 'ready']).flat()]);
  });
});
