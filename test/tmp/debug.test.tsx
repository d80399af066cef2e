import { act } from '@testing-library/react';
import { setupMswServer } from '../helpers/mswServer';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const server = setupMswServer();
const clock = installFakeClock();
const minute = 60_000;

it('debug', async () => {
  const endpoint = createSessionEndpoint();
  server.use(endpoint.handler);
  const recorder = createSessionRecorder();
  renderWithProvider(<recorder.ContextProbe />, { components: ['payment_element'] });
  await flushUntil(() => recorder.latest().status === 'ready');
  console.log('states', recorder.states.length, vi.getTimerCount());
  await clock.advance(25 * minute);
  console.log('requests', endpoint.requests.length, recorder.states.map((s) => s.status), vi.getTimerCount());
  await flushUntil(() => endpoint.requests.length === 2);
  for (let i = 0; i < 10; i++) await act(async () => { await vi.advanceTimersByTimeAsync(0); });
  console.log('requests', endpoint.requests.length, recorder.states.map((s) => s.status));
});
