import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequestListener, type RequestListenerOptions } from '@remix-run/node-fetch-server';
import type { CustomerSessionHandler } from './types';

/**
 * Serves a Fetch API handler (such as `createCustomerSessionHandler(...)`) from Node's `http`
 * server, Express (`app.post('/api/customer-session', toNodeListener(handler))`), Connect or Vite
 * middleware. The bridge is `@remix-run/node-fetch-server`; `options` are its listener options
 * (`host`, `protocol`, `trustProxy`, `onError`).
 *
 * If a body parser ran first (`express.json()`), the raw body is gone; the parsed `req.body` is
 * then re-serialized as the request body (JSON for objects, as-is for strings and buffers), so
 * narrowing and every check still apply. Mount the route before the parser to skip that step.
 */
export function toNodeListener(
  handler: CustomerSessionHandler,
  options?: RequestListenerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const listener = createRequestListener(handler, options);
  return (req, res) => {
    if (!req.readableEnded) {
      listener(req, res);
      return;
    }
    const parsed = (req as IncomingMessage & { body?: unknown }).body;
    createRequestListener((request: Request) => handler(withBody(request, parsed)), options)(req, res);
  };
}

function withBody(request: Request, parsed: unknown): Request {
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(request.url, {
    method: request.method,
    headers,
    signal: request.signal,
    body: hasBody ? serialize(parsed) : null,
  });
}

function serialize(parsed: unknown): string | Uint8Array<ArrayBuffer> {
  if (parsed === undefined) return '';
  if (typeof parsed === 'string') return parsed;
  if (parsed instanceof Uint8Array) return new Uint8Array(parsed);
  return JSON.stringify(parsed);
}
