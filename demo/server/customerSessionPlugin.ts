import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { toNodeListener } from '../../src/server/toNodeListener';
import { createDemoBackend, type DemoBackend } from './createDemoBackend';
import { serveServerRenderedPage } from './serverRenderedPage';

const apiPath = '/api/customer-session';

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0] ?? '/';
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text ? JSON.parse(text) : {};
}

/**
 * Mounts the package's handler at `/api/customer-session` in the Vite dev server, as an app would
 * mount it in Express, and serves `/ssr`, the storefront rendered on the server with its session. With the emulator it also serves two dev-only routes for the e2e test:
 * `POST /__emulator/advance-clock` `{ "ms": n }` and `GET /__emulator/requests` (methods, paths, params).
 */
export function customerSessionPlugin(): Plugin {
  let backend: DemoBackend | undefined;
  return {
    name: 'demo:customer-session',
    apply: 'serve',
    async configureServer(server) {
      backend = await createDemoBackend();
      const listener = toNodeListener(backend.handler);
      const { mode, customerId } = backend;
      server.config.logger.info(
        mode === 'emulator'
          ? `  ➜  Stripe: emulator at ${backend.emulator?.url} (signed in as ${customerId})`
          : `  ➜  Stripe: test mode with STRIPE_SECRET_KEY (signed in as ${customerId})`,
      );
      server.httpServer?.once('close', () => void backend?.close());

      server.middlewares.use((req, res, next) => {
        const path = pathOf(req);
        if (path === apiPath) {
          listener(req, res);
          return;
        }
        if ((path === '/ssr' || path === '/ssr/') && req.method === 'GET' && backend) {
          serveServerRenderedPage(server, backend, req, res).catch((error: unknown) => {
            if (error instanceof Error) server.ssrFixStacktrace(error);
            next(error);
          });
          return;
        }
        const emulator = backend?.emulator;
        if (!path.startsWith('/__emulator/') || !emulator) {
          next();
          return;
        }
        if (path === '/__emulator/advance-clock' && req.method === 'POST') {
          readJson(req)
            .then((body) => {
              const ms = (body as { ms?: unknown }).ms;
              if (typeof ms !== 'number' || !Number.isFinite(ms)) return sendJson(res, 400, { error: 'ms must be a number' });
              emulator.emulator.clock.advance(ms);
              sendJson(res, 200, { now: emulator.emulator.clock.now() });
            })
            .catch(() => sendJson(res, 400, { error: 'invalid JSON' }));
          return;
        }
        if (path === '/__emulator/requests' && req.method === 'GET') {
          sendJson(res, 200, { requests: emulator.emulator.requests });
          return;
        }
        sendJson(res, 404, { error: 'unknown emulator route' });
      });
    },
  };
}
