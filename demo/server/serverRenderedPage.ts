import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ViteDevServer } from 'vite';
import type { CustomerSession } from '../../src/core/types';
import { createCustomerSession } from '../../src/server/index';
import { storefrontComponents } from '../src/storefrontComponents';
import type { DemoBackend } from './createDemoBackend';
import { demoPolicy } from './demoPolicy';

type Render = (initialSession: CustomerSession | undefined) => string;

// JSON inside <script> must not be able to close the tag or open a comment.
const scriptSafeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function page(appHtml: string, session: CustomerSession | undefined): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Northwind Coffee · server-rendered · react-stripe-customer-session demo</title>
    <link rel="stylesheet" href="/src/demo.css" />
  </head>
  <body>
    <div id="root">${appHtml}</div>
    <script type="application/json" id="initial-customer-session">${scriptSafeJson(session ?? null)}</script>
    <script type="module" src="/src/entry-ssr-client.tsx"></script>
  </body>
</html>`;
}

/**
 * `GET /ssr`: creates the signed-in shopper's Customer Session while rendering, as a server
 * component or loader would, and sends the storefront with the secret already in its HTML. The
 * page is the customer's own: `Cache-Control: private, no-store`, so no CDN or shared cache keeps it.
 * If Stripe fails, the page still renders and the browser fetches the session through the endpoint.
 */
export async function serveServerRenderedPage(server: ViteDevServer, backend: DemoBackend, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let session: CustomerSession | undefined;
  try {
    session = await createCustomerSession({ stripe: backend.stripe, customer: backend.customerId, components: demoPolicy, narrow: storefrontComponents });
  } catch (error) {
    server.config.logger.error(`  ➜  /ssr: creating the Customer Session failed; the browser will fetch it (${String(error)})`);
  }
  const { render } = (await server.ssrLoadModule('/src/entry-server.tsx')) as { render: Render };
  const html = await server.transformIndexHtml(req.url ?? '/ssr', page(render(session), session));
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(html);
}
