import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock, settle } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createSessionRecorder } from '../helpers/sessionRecorder';

const server = setupMswServer();
installFakeClock();

describe('the URL endpoint request', () => {
  it('POSTs the sorted components as JSON, same-origin credentials by default', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    renderWithProvider(<recorder.ContextProbe />, { components: ['pricing_table', 'payment_element'] });
    await flushUntil(() => recorder.latest().status === 'ready');
    const [request] = endpoint.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(request?.headers.get('accept')).toBe('application/json');
    expect(request?.credentials).toBe('same-origin');
    expect(request?.body).toEqual({ components: ['payment_element', 'pricing_table'] });
    expect(recorder.latest().isEnabled('payment_element')).toBe(true);
  });

  it('applies requestInit headers and credentials without splitting the session', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const recorder = createSessionRecorder();
    const requestInit: RequestInit = { headers: { 'X-CSRF-Token': 'csrf-123', Accept: 'application/json, */*' }, credentials: 'include', method: 'GET' };
    const view = renderWithProvider(<recorder.ContextProbe />, { requestInit });
    await flushUntil(() => recorder.latest().status === 'ready');
    const [request] = endpoint.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers.get('x-csrf-token')).toBe('csrf-123');
    expect(request?.headers.get('accept')).toBe('application/json, */*');
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(request?.credentials).toBe('include');
    view.rerenderWith({ requestInit: { headers: { 'X-CSRF-Token': 'csrf-456' } } });
    // A session split off by the new requestInit would be asked for at once: a second later, still one request.
    await settle();
    expect(endpoint.requests).toHaveLength(1);
  });
});
