import { act, render } from '@testing-library/react';
import { http } from 'msw';
import { CustomerSessionProvider } from '../../src/react/CustomerSessionProvider';
import { PricingTable } from '../../src/index';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const server = setupMswServer();
const clock = installFakeClock();
beforeAll(() => {
  if (!customElements.get('stripe-pricing-table')) customElements.define('stripe-pricing-table', class extends HTMLElement {});
});

it('three providers on three clients, endpoint answers 401 for good: a bounded number of requests', async () => {
  const endpoint = createSessionEndpoint();
  server.use(endpoint.handler);
  const probes = [createSessionRecorder(), createSessionRecorder(), createSessionRecorder()];
  render(
    <>
      {probes.map((probe, i) => (
        <CustomerSessionProvider key={i} endpoint={endpoint.url} components={['pricing_table']} publishableKey="pk_test_x">
          <probe.ContextProbe />
          <PricingTable pricingTableId={`prctbl_${i}`} loading="eager" />
        </CustomerSessionProvider>
      ))}
    </>,
  );
  await flushUntil(() => probes.every((p) => p.latest().status === 'ready'));
  let refused = 0;
  // A loop would spin in zero fake time: past 40 refusals nothing is answered, so the counts below fail fast.
  server.use(
    http.post(endpoint.url, () =>
      ++refused > 40 ? new Promise<never>(() => {}) : Response.json({ error: { type: 'invalid_request_error', message: 'Not signed in' } }, { status: 401 }),
    ),
  );
  await act(() => probes[0]!.latest().refresh());
  await clock.advance(60_000);
  const after = refused;
  await clock.advance(10 * 60_000);
  expect(probes.every((p) => p.latest().clientSecret === null)).toBe(true);
  expect(after).toBeLessThan(10);
  expect(refused).toBe(after); // nothing keeps asking
});
