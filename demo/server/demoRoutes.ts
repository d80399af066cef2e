import type { IncomingMessage, ServerResponse } from 'node:http';
import { toNodeListener } from '../../src/server/toNodeListener';
import type { CustomerSession } from '../../src/core/types';
import type { DemoBackend } from './createDemoBackend';
import { createPageSession } from './serverRenderedPage';
import { signedOutCookie } from '../src/signIn';

const apiPath = '/api/customer-session';

/** Turns the page's sessions into the full HTML of `/ssr` (Vite's dev server and the production build differ here). */
export type RenderServerPage = (url: string, sessions: CustomerSession[] | undefined) => Promise<string>;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

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
 * The shop's server routes, as Connect middleware: the package's handler at `/api/customer-session`
 * (as an app would mount it in Express); `GET /ssr`, the storefront rendered with its session;
 * `POST /demo/sign-out` and `/demo/sign-in`, the shopper's sign-in cookie; and,
 * with the emulator only, `POST /__emulator/advance-clock` `{ "ms": n }` and `GET /__emulator/requests`
 * for the e2e tests and the benchmark. Anything else goes to `next`.
 */
export function createDemoRoutes(backend: DemoBackend, renderServerPage: RenderServerPage, log: (message: string) => void): Middleware {
  const listener = toNodeListener(backend.handler);
  return (req, res, next) => {
    const path = pathOf(req);
    if (path === apiPath) {
      listener(req, res);
      return;
    }
    if ((path === '/demo/sign-out' || path === '/demo/sign-in') && req.method === 'POST') {
      // The shopper's sign-in, for every tab of the browser (src/signIn.ts).
      res.statusCode = 204;
      res.setHeader('Set-Cookie', `demo_signed_out=${path === '/demo/sign-out' ? '1; Max-Age=86400' : '; Max-Age=0'}; Path=/; SameSite=Lax`);
      res.setHeader('Cache-Control', 'no-store');
      res.end();
      return;
    }
    if ((path === '/ssr' || path === '/ssr/') && req.method === 'GET') {
      (signedOutCookie.test(req.headers.cookie ?? '') ? Promise.resolve(undefined) : createPageSession(backend, log))
        .then((session) => renderServerPage(req.url ?? path, session))
        .then((html) => {
          res.statusCode = 200;
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          // The HTML holds the shopper's client secret: no CDN or shared cache may keep it.
          res.setHeader('Cache-Control', 'private, no-store');
          res.end(html);
        })
        .catch(next);
      return;
    }
    const emulator = backend.emulator;
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
  };
}
