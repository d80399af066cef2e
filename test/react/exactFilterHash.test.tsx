import { act } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { customerSessionQueryOptions } from '../../src/index';
import { setupMswServer } from '../helpers/mswServer';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const server = setupMswServer();
installFakeClock();

it('an app-wide queryKeyHashFn: removeQueries({ queryKey, exact: true }) on the session key signs the customer out', async () => {
  const endpoint = createSessionEndpoint();
  server.use(endpoint.handler);
  const recorder = createSessionRecorder();
  const appQueryClient = new QueryClient({ defaultOptions: { queries: { queryKeyHashFn: (key) => `app:${JSON.stringify(key)}` } } });
  renderWithProvider(<recorder.ContextProbe />, { components: ['payment_element'], appQueryClient });
  await flushUntil(() => recorder.latest().status === 'ready');
  const { queryKey } = customerSessionQueryOptions({ endpoint: endpoint.url, components: ['payment_element'] });
  expect(appQueryClient.getQueryData(queryKey)).toBeDefined(); // found (hash via the app's defaults)
  const held = endpoint.hold();
  act(() => appQueryClient.removeQueries({ queryKey, exact: true }));
  expect(recorder.latest().clientSecret).toBeNull(); // the exact filter found it: dropped at once
  held.resolve();
});
