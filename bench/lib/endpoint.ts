// The app's session endpoint for the React benchmarks: `fetch` is replaced by the real chain
// (the package's server handler → emulator client → emulator), and every request is counted.
import { loadServer, loadTesting } from './dist';

export interface BenchEndpoint {
  /** Requests each path received so far. */
  requestsTo(path: string): number;
}

export async function installBenchEndpoint(): Promise<BenchEndpoint> {
  const { createCustomerSessionHandler } = await loadServer();
  const { createStripeEmulator, createEmulatorStripeClient } = await loadTesting();
  const emulator = createStripeEmulator();
  const customer = emulator.createCustomer({ email: 'bench@example.com' }).id;
  const handler = createCustomerSessionHandler({
    stripe: createEmulatorStripeClient(emulator),
    resolveCustomer: () => customer,
    components: { payment_element: { enabled: true }, pricing_table: { enabled: true }, buy_button: { enabled: true } },
    // The client benchmarks count the client's own requests; the server benchmark measures the limit.
    rateLimit: false,
    stripeBudget: false,
  });
  const counts = new Map<string, number>();
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(input instanceof Request ? input.url : String(input), 'http://localhost/'), init);
    const path = new URL(request.url).pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    return handler(request);
  };
  return { requestsTo: (path) => counts.get(path) ?? 0 };
}
