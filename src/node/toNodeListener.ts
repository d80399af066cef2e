import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as NodeFetchServer from '@remix-run/node-fetch-server';
import { answerMalformedRequest } from './malformedRequest';
import type { CustomerSessionHandler } from '../server/types';

// The public signature names Node's objects by shape, not through node:http or the bridge's typings
// (both need @types/node, which a consumer type-checking with skipLibCheck off may not have).

/** What identifies Node's `http.IncomingMessage` (Express's and Connect's `req` extend it); pass the real one. */
export interface NodeListenerRequest {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  readonly readableEnded: boolean;
}

/** What identifies Node's `http.ServerResponse` (Express's and Connect's `res` extend it); pass the real one. */
export interface NodeListenerResponse {
  readonly headersSent: boolean;
  writeHead(statusCode: number): unknown;
  end(): unknown;
  destroy(): unknown;
}

/** The Node bridge's (`@remix-run/node-fetch-server`) listener options. */
export interface NodeListenerOptions {
  /** Host of the request URL. Default: HTTP/2 `:authority`, else the `Host` header. */
  host?: string;
  /** Protocol of the request URL, e.g. `'https:'`. Default: the connection's. */
  protocol?: string;
  /** Take host and protocol from `Forwarded` / `X-Forwarded-*`; only behind a proxy that overwrites them. */
  trustProxy?: boolean;
  /**
   * Gets an error thrown while building or handling the request. A request Node parsed but the Fetch API
   * cannot represent (`Host: [bad`, `TRACE`) is answered with JSON 400 or 405 unless this returns a
   * Response (without `onError` it is logged with `console.warn`); for other errors, returning nothing
   * sends the bridge's 500.
   */
  onError?: (error: unknown) => void | Response | Promise<void | Response>;
}

type Bridge = typeof NodeFetchServer;
let bridge: Promise<Bridge> | undefined;
// Loaded on the first request, so importing './server' on an edge runtime pulls in no Node modules.
// A request body waits meanwhile: Node streams stay paused until someone reads them.
const loadBridge = (): Promise<Bridge> => (bridge ??= import('@remix-run/node-fetch-server'));

/**
 * Serves a Fetch API handler (such as `createCustomerSessionHandler(...)`) from Node's `http`
 * server, Express (`app.post('/api/customer-session', toNodeListener(handler))`), Connect or Vite
 * middleware. The bridge is `@remix-run/node-fetch-server`; `options` are its listener options
 * (`host`, `protocol`, `trustProxy`, `onError`).
 *
 * If a body parser ran first (`express.json()`), the raw body is gone; the parsed `req.body` is
 * then re-serialized as the request body (JSON for objects, as-is for strings and buffers), so
 * narrowing and every check still apply. Mount the route before any parser to skip that step.
 */
export function toNodeListener(
  handler: CustomerSessionHandler,
  options?: NodeListenerOptions,
): (req: NodeListenerRequest, res: NodeListenerResponse) => void {
  return (nodeReq, nodeRes) => {
    const req = nodeReq as IncomingMessage;
    const res = nodeRes as ServerResponse;
    // Set once the Fetch Request exists: an error before that is a request the Fetch API cannot represent.
    let built = false;
    const answer = async (request: Request): Promise<Response> => {
      built = true;
      const response = await handler(request);
      closeIfBodyUnread(req, res);
      return response;
    };
    const onError = async (error: unknown): Promise<void | Response> => {
      if (!built) return answerMalformedRequest(error, req.method, options?.onError);
      if (options?.onError !== undefined) return options.onError(error);
      console.error(error);
    };
    void loadBridge()
      .then(async ({ createRequestListener, createRequest, sendResponse }) => {
        if (!req.readableEnded) {
          await createRequestListener(answer, { ...options, onError })(req, res);
          return;
        }
        // The bridge reads bodies from the socket stream and treats an already-ended one as aborted,
        // so a consumed request is rebuilt from what the parser left behind.
        let request: Request;
        try {
          request = rebuildConsumedRequest(req, res, options, createRequest);
        } catch (error) {
          await sendResponse(res, await onError(error) ?? new Response(null, { status: 500 }));
          return;
        }
        await sendResponse(res, await answer(request));
      })
      .catch(() => {
        // The handler answers its own failures; this covers a broken socket.
        if (res.headersSent) res.destroy();
        else res.writeHead(500).end();
      });
  };
}

/**
 * An answer sent before the body has all arrived (413, 408, 401) leaves the rest of it on the wire. Node
 * would read and discard it to reuse the connection, for as long as the client keeps sending; so the
 * connection is closed instead, as Go's MaxBytesReader and nginx do: with `Connection: close` Node ends
 * and destroys the socket once the answer is out. Should anything still hold the socket open, it is
 * destroyed a moment later.
 */
function closeIfBodyUnread(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete || req.httpVersionMajor !== 1 || res.headersSent) return;
  res.setHeader('Connection', 'close');
  res.once('finish', () => {
    setTimeout(() => req.socket.destroy(), lingerMs).unref();
  });
}

const lingerMs = 500;

/**
 * The request as the bridge builds it (its URL from `host`, `protocol` and, with `trustProxy`, the
 * forwarded headers; a signal that aborts when the client goes), with the parsed body in place of the
 * consumed stream. Built from a body-less view of `req`, so the bridge never reads the ended stream.
 */
function rebuildConsumedRequest(req: IncomingMessage, res: ServerResponse, options: NodeListenerOptions | undefined, createRequest: Bridge['createRequest']): Request {
  const { onError: _onError, ...requestOptions } = options ?? {};
  const built = createRequest(Object.create(req, { method: { value: 'GET' } }) as IncomingMessage, res, requestOptions);
  const headers = new Headers(built.headers);
  headers.delete('content-length');
  headers.delete('transfer-encoding');
  const method = req.method ?? 'GET';
  const parsed = (req as IncomingMessage & { body?: unknown }).body;
  return new Request(built.url, {
    method,
    headers,
    signal: built.signal,
    body: method === 'GET' || method === 'HEAD' ? null : serialize(parsed),
  });
}

function serialize(parsed: unknown): string | Uint8Array<ArrayBuffer> {
  if (parsed === undefined) return '';
  if (typeof parsed === 'string') return parsed;
  if (parsed instanceof Uint8Array) return new Uint8Array(parsed);
  return JSON.stringify(parsed);
}
