import { setupServer } from 'msw/node';

/** One MSW server per test file; `useMswServer()` wires its lifecycle. Unhandled requests fail the test. */
export const mswServer = setupServer();

export function useMswServer(): typeof mswServer {
  beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => mswServer.resetHandlers());
  afterAll(() => mswServer.close());
  return mswServer;
}
