import { http, HttpResponse } from 'msw';

/**
 * Each story builds its own backend (emulator + the real server handler) and tags its requests with
 * this header, so stories rendered side by side on a docs page never answer for each other.
 * The endpoint URL stays `/api/customer-session`, as in an app.
 */
export const BACKEND_HEADER = 'x-storybook-backend';

type Backend = (request: Request) => Promise<Response>;

const backends = new Map<string, Backend>();
let sequence = 0;

/** Keeps the newest backends; a docs page may render the same story twice at once, so none is replaced early. */
const maxBackends = 100;

/** Registers a backend for one render of a story and returns the id its requests carry. */
export function registerBackend(storyId: string, backend: Backend): string {
  sequence += 1;
  const id = `${storyId}#${sequence}`;
  backends.set(id, backend);
  for (const key of backends.keys()) {
    if (backends.size <= maxBackends) break;
    backends.delete(key);
  }
  return id;
}

/** The one MSW route: hands the request to the backend named in its header. */
export const customerSessionRoute = http.post('/api/customer-session', ({ request }) => {
  const backend = backends.get(request.headers.get(BACKEND_HEADER) ?? '');
  if (backend === undefined) {
    return HttpResponse.json(
      { error: { type: 'invalid_request_error', message: 'No Storybook backend is registered for this story.' } },
      { status: 404 },
    );
  }
  return backend(request);
});
