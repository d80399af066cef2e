import type { AddressInfo } from 'node:net';
import type { StripeEmulator, StripeEmulatorOptions } from './types';
import { createStripeEmulator } from './createStripeEmulator';

/** Where `listen` put the emulator. */
export interface ListeningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:12111`. */
  url: string;
  port: number;
  host: string;
  emulator: StripeEmulator;
  close(): Promise<void>;
}

/**
 * Serves an emulator (or a new one made from `options`) over HTTP on Node, so the official `stripe`
 * SDK can reach it: `new Stripe('sk_test_123', { host, port, protocol: 'http' })`.
 * Port 0 (the default) picks a free port; host defaults to 127.0.0.1.
 */
export async function listen(
  emulatorOrOptions: StripeEmulator | StripeEmulatorOptions = {},
  { port = 0, host = '127.0.0.1' }: { port?: number; host?: string } = {},
): Promise<ListeningEmulator> {
  const emulator = 'handle' in emulatorOrOptions ? emulatorOrOptions : createStripeEmulator(emulatorOrOptions);
  // Loaded on call, so importing the testing entry in a browser (MSW, Storybook) pulls in no Node modules.
  const [{ createServer }, { createRequestListener }] = await Promise.all([import('node:http'), import('@remix-run/node-fetch-server')]);
  const server = createServer(createRequestListener((request) => emulator.handle(request)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    host,
    emulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
