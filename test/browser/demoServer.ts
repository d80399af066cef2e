import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumArgs, chromiumExecutablePath } from './chromium';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

// `npm run demo` in-process: the storefront, the package's handler as middleware, the official
// `stripe` SDK against the emulator on a free port. Shared by the demo e2e tests and the page-load benchmark.
const configFile = fileURLToPath(new URL('../../demo/vite.config.ts', import.meta.url));

export interface DemoServer {
  baseUrl: string;
  /** The session creates the emulator received (method, path, params; never keys). */
  sessionRequests(): Promise<EmulatorRecord[]>;
  /** Moves the emulator's clock: sessions created afterwards are created that much later. */
  advanceEmulatorClock(ms: number): Promise<void>;
  close(): Promise<void>;
}

export interface EmulatorRecord {
  method: string;
  path: string;
  params: { customer?: string; components?: Record<string, { enabled?: unknown }> };
}

/**
 * Starts the demo's Vite dev server on a free loopback port, always on the emulator (even on a
 * machine with `STRIPE_SECRET_KEY`). `latencyMs` delays each emulated Stripe call.
 */
export async function startDemoServer({ latencyMs = 0 }: { latencyMs?: number } = {}): Promise<DemoServer> {
  const saved = { key: process.env.STRIPE_SECRET_KEY, latency: process.env.DEMO_STRIPE_LATENCY_MS };
  delete process.env.STRIPE_SECRET_KEY;
  process.env.DEMO_STRIPE_LATENCY_MS = String(latencyMs);
  let server: ViteDevServer;
  try {
    server = await createServer({ configFile, server: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
    await server.listen();
  } finally {
    if (saved.key !== undefined) process.env.STRIPE_SECRET_KEY = saved.key;
    if (saved.latency === undefined) delete process.env.DEMO_STRIPE_LATENCY_MS;
    else process.env.DEMO_STRIPE_LATENCY_MS = saved.latency;
  }
  const baseUrl = `http://127.0.0.1:${(server.httpServer?.address() as AddressInfo).port}`;
  return {
    baseUrl,
    async sessionRequests() {
      const { requests } = (await (await fetch(`${baseUrl}/__emulator/requests`)).json()) as { requests: EmulatorRecord[] };
      return requests.filter((request) => request.path === '/v1/customer_sessions');
    },
    async advanceEmulatorClock(ms) {
      const response = await fetch(`${baseUrl}/__emulator/advance-clock`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ms }),
      });
      if (response.status !== 200) throw new Error(`advance-clock answered ${response.status}`);
    },
    close: () => server.close(),
  };
}

/**
 * For an e2e file: the demo server and Debian's Chromium, started before its tests and closed after.
 * Read `demo` and `browser` inside tests (they are set once `beforeAll` has run).
 */
export function demoInChromium(): { demo: DemoServer; browser: Browser } {
  const running = {} as { demo: DemoServer; browser: Browser };
  beforeAll(async () => {
    running.demo = await startDemoServer();
    running.browser = await chromium.launch({ executablePath: chromiumExecutablePath, args: chromiumArgs });
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.demo?.close();
  });
  return running;
}
