import type { CustomerSession } from '../../src/core/types';
import { createCustomerSessions } from '../../src/server/index';
import { serverRenderedSessions } from '../src/storefrontComponents';
import type { DemoBackend } from './createDemoBackend';
import { demoPolicy } from './demoPolicy';

// JSON inside <script> must not be able to close the tag or open a comment.
const scriptSafeJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The signed-in shopper's sessions for `/ssr` (the provider's, then one per customer-aware element),
 * created in one call while the page renders, as a server component or loader would, spending the
 * endpoint's rate-limit budget. If Stripe fails or the shopper is over the limit, the page still
 * renders and the browser asks the endpoint (which then answers 429 with Retry-After; the elements
 * show for a guest meanwhile).
 */
export async function createPageSession(backend: DemoBackend, log: (message: string) => void): Promise<CustomerSession[] | undefined> {
  try {
    return await createCustomerSessions({ stripe: backend.stripe, rateLimit: backend.rateLimit, stripeBudget: backend.stripeBudget, customer: backend.customerId, components: demoPolicy, sessions: serverRenderedSessions });
  } catch (error) {
    log(`  ➜  /ssr: creating the Customer Sessions failed; the browser will fetch them (${String(error)})`);
    return undefined;
  }
}

/**
 * The whole `/ssr` document: the storefront's server HTML, the sessions as a JSON island for hydration
 * (demo/src/entry-ssr-client.tsx reads it), and the client script and stylesheet of the build at hand.
 */
export function serverPageDocument(appHtml: string, sessions: CustomerSession[] | undefined, assets: { script: string; stylesheets: string[]; preloads?: string[] }): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Northwind Coffee · server-rendered · react-stripe-customer-session demo</title>
${assets.stylesheets.map((href) => `    <link rel="stylesheet" href="${href}" />`).join('\n')}
${(assets.preloads ?? []).map((href) => `    <link rel="modulepreload" href="${href}" />`).join('\n')}
  </head>
  <body>
    <div id="root">${appHtml}</div>
    <script type="application/json" id="initial-customer-session">${scriptSafeJson(sessions ?? null)}</script>
    <script type="module" src="${assets.script}"></script>
  </body>
</html>`;
}
