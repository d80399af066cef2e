import { setupServer } from 'msw/node';

/** One MSW server per test file; `setupMswServer()` wires its lifecycle. Unhandled requests fail the test. */
export const mswServer = setupServer();

export function setupMswServer(): typeof mswServer {
  beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => mswServer.resetHandlers());
  afterAll(() => mswServer.close());
  return mswServer;
}

/** Older name of `setupMswServer` (kept for existing imports; not a React hook). */
export const useMswServer = setupMswServer;
