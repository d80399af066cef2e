// `npm run test:next` (for .ci/run, after `npm run build`): builds the Next.js App Router demo in
// demo/next with `next build`, serves it with `next start` on a free port (always on the emulator),
// and checks what a browser would get: the page's first HTML holds `<stripe-pricing-table>` with the
// customer's secret, one distinct session per customer-aware element (createCustomerSessions), and is
// sent `private, no-store`; the route handler serves refreshes and batches; a signed-out visitor gets no
// secret; a page view over the customer's rate limit still answers 200, with the elements rendered for
// a guest. The edge route (app/api/edge-customer-session, `runtime = 'edge'`) serves the handler's
// contract, its SDK reaching an emulator on loopback, and the client chunks carry no development-only
// text. Then the same app is built again with webpack (`next build --webpack`): edge route, client
// chunks and the first HTML checked once more. `--no-build` reuses demo/next/.next (one build). Last, the
// Next.js app stories/docs/ServerRendering.mdx gives, built and checked as the demo is (.ci/lib/docsNextApp.mjs).
// Time on this 2-core machine under load: next build 75-140 s on a clean checkout, about 40% less
// with demo/next/.next/cache kept from a previous build (CI may cache that folder); checks about 8 s.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkNextDocsApp } from './lib/docsNextApp.mjs';
import { checker, checkServerRendering, freePort, seconds, signedOut, startServer, tagWithSecret, waitForServer } from './lib/serverRendering.mjs';

const root = resolve(import.meta.dirname, '..');
const appDir = join(root, 'demo', 'next');
const next = join(root, 'node_modules', '.bin', 'next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
delete env.STRIPE_SECRET_KEY; // always the in-process emulator here, even on a machine with real keys
delete env.STRIPE_CUSTOMER_ID;

const { check, failures } = checker();

if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first (the Next.js app imports the package by its name).');
  process.exit(1);
}

// The edge route's Stripe: an emulator on a socket (the in-process one lives in the Node server's memory).
const { listen } = await import(join(root, 'dist', 'testing', 'index.js'));
const edgeStripe = await listen({}, { host: '127.0.0.1', port: 0 });
env.DEMO_EDGE_STRIPE_URL = edgeStripe.url;
env.DEMO_EDGE_CUSTOMER = edgeStripe.emulator.createCustomer({ name: 'Jenny Rosen' }).id;
// Development-only messages that a production bundle must not carry (as in check:package).
const devOnlyText = /Invalid Customer Session:|must be used inside <CustomerSessionProvider>|Customer Session endpoint answered/;

/** The edge route's contract and the client chunks of the build in demo/next/.next. */
async function checkEdgeAndChunks(appBase, builder) {
  const chunks = join(appDir, '.next', 'static', 'chunks');
  const clientCode = readdirSync(chunks, { recursive: true }).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(chunks, f), 'utf8')).join('\n');
  check(clientCode.includes('customer-session-client-secret') && !devOnlyText.test(clientCode), `${builder}: the client chunks hold the package with no development-only text`);
  const edge = `${appBase}/api/edge-customer-session`;
  const post = (init = {}) => fetch(edge, { method: 'POST', ...init, headers: { 'Content-Type': 'application/json', ...init.headers }, body: init.body ?? '{}' });
  const ok = await post();
  const session = await ok.json().catch(() => ({}));
  check(ok.status === 200 && /^cuss_secret_/.test(session.client_secret ?? ''), `${builder}: the edge route answers 200 with a secret (got ${ok.status})`);
  check((await post({ headers: signedOut.headers })).status === 401, `${builder}: the edge route refuses a signed-out visitor with 401`);
  check((await post({ headers: { 'Content-Type': 'text/plain' }, body: 'x' })).status === 415, `${builder}: the edge route answers 415 to a body that is not JSON`);
}

const started = Date.now();
if (!process.argv.includes('--no-build')) {
  const build = spawnSync(next, ['build', appDir], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('next build failed');
    process.exit(1);
  }
  console.log(`(next build: ${seconds(started)})`);
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const served = startServer(next, ['start', appDir, '--port', String(port), '--hostname', '127.0.0.1'], { cwd: root, env });

/** Waits out the shop's current one-second Stripe budget window (10 sessions a second by default). */
const freshStripeWindow = () => new Promise((resolve) => setTimeout(resolve, 1100));

// A real browser (Debian's Chromium, as in test:browser) for what only hydration shows: the session
// requests a page view makes, and the pricing table the browser ends up with. Stripe's own scripts
// cannot load offline: they are answered empty at once, so nothing waits on them.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let browser;
async function viewInBrowser() {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium is missing at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  if (browser === undefined) {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  }
  const tab = await browser.newPage();
  // Stripe's scripts answered empty: they "load" (so the elements render), and define nothing.
  await tab.route(/^https:\/\/[a-z.]*stripe\.(com|network)\//, (route) =>
    new URL(route.request().url()).hostname === 'js.stripe.com' ? route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }) : route.abort(),
  );
  const sessionRequests = [];
  tab.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/customer-session') sessionRequests.push(request.method());
  });
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  tab.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('stripe.com')) errors.push(message.text());
  });
  await tab.goto(base, { waitUntil: 'networkidle' });
  await tab.waitForSelector('stripe-pricing-table', { state: 'attached', timeout: 15_000 }).catch(async (error) => {
    throw new Error(`${error.message.split('\n')[0]}; the page shows: ${(await tab.innerHTML('main')).slice(0, 600)}; errors: ${errors.join(' | ') || 'none'}`);
  });
  const table = await tab.$eval('stripe-pricing-table', (el) => ({ secret: el.getAttribute('customer-session-client-secret') }));
  await tab.waitForLoadState('networkidle');
  const text = await tab.textContent('main');
  await tab.close();
  return { table, sessionRequests: [...sessionRequests], text: text ?? '' };
}

try {
  const t0 = Date.now();
  await waitForServer(`${base}/api/customer-session`, served);
  console.log(`(next start: ready in ${seconds(t0)})`);
  await checkEdgeAndChunks(base, 'turbopack');
  // What both framework demos promise: the secret in the first HTML, private, no-store, fresh per
  // request, refreshes through the endpoint, nothing for a signed-out visitor.
  await checkServerRendering(base, check);

  // The page and the route share the shop's Stripe budget (10 sessions a second, one limiter per
  // process), which the checks above have about spent: each group below starts on a fresh second.
  await freshStripeWindow();
  // Next's page renders one distinct session per customer-aware element (createCustomerSessions).
  const html = await (await fetch(base)).text();
  const match = tagWithSecret.exec(html);
  // The provider's state session, the pricing table's and the Payment Element's (serialized as props).
  const secrets = new Set(html.match(/cuss_secret_[A-Za-z0-9]+/g) ?? []);
  check(secrets.size === 3 && match !== null && secrets.has(match[1]), `the first HTML holds 3 distinct sessions, one per customer-aware element and the provider's (got ${secrets.size})`);

  await freshStripeWindow();
  const viewed = await viewInBrowser();
  check(/^cuss_secret_/.test(viewed.table.secret ?? ''), `in the browser, the hydrated pricing table keeps a customer secret (got ${viewed.table.secret === null ? 'none' : 'one'})`);
  check(viewed.sessionRequests.length === 0, `a server-rendered page view makes 0 session requests in the browser (got ${viewed.sessionRequests.length})`);

  await freshStripeWindow();
  const batch = await fetch(`${base}/api/customer-session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sessions: [['pricing_table'], ['payment_element']] }),
  });
  const batchBody = await batch.json().catch(() => ({}));
  const batchSecrets = (batchBody.sessions ?? []).map((s) => s.client_secret);
  check(batch.status === 200 && batchSecrets.length === 2 && new Set(batchSecrets).size === 2, `POST /api/customer-session { sessions: [2 entries] } answers 2 distinct sessions (got ${batch.status}, ${batchSecrets.length})`);

  // The route refuses a batch once a budget is spent: the customer's (360 sessions per 60 s by default)
  // or the shop's Stripe budget (10 sessions a second: a batch of 32 goes through alone on an empty
  // one-second window, then the budget stays closed for the windows it borrowed). Wait for an empty one.
  await freshStripeWindow();
  let spent = 0;
  for (let i = 0; i < 20; i++) {
    const spend = await fetch(`${base}/api/customer-session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sessions: Array(32).fill(['pricing_table']) }) });
    await spend.arrayBuffer();
    if (spend.status === 429) break;
    spent += 32;
  }
  check(spent > 0 && spent <= 360, `the route refuses a batch with 429 once a budget is spent (after ${spent} sessions)`);

  // Over the limit on the page: page views (3 sessions each) until createCustomerSessions is refused.
  // (Next bundles the page and the route separately, but both copies of the package spend the one
  // in-memory budget of the process, so the route's spending above counts here too.)
  let views = 0;
  let limited;
  let limitedHtml = '';
  while (views < 130) {
    views += 1;
    limited = await fetch(base);
    limitedHtml = await limited.text();
    if (limited.status !== 200 || limitedHtml.includes('as for a guest')) break;
  }
  console.log(`(the page was refused a session at page view ${views} since the start of the checks)`);
  check(limited.status === 200, `a page view over the limit answers 200 (got ${limited.status})`);
  // The server renders no element without a customer secret (it would flip once hydrated): the HTML
  // holds the table's fallback, and no secret anywhere; the browser then shows the table for a guest.
  check(
    !limitedHtml.includes('customer-session-client-secret') && !limitedHtml.includes('cuss_secret_') && limitedHtml.includes('Loading plans'),
    `over the limit, the HTML holds no secret anywhere, and the table's place (got ${(limitedHtml.match(/cuss_secret_/g) ?? []).length} secrets)`,
  );
  check(limitedHtml.includes('as for a guest'), 'over the limit, the page says why it shows plans as for a guest');
  const guest = await viewInBrowser();
  check(guest.text.includes('as for a guest') && guest.table.secret === null, `over the limit, the browser shows <stripe-pricing-table> for a guest, with no secret (got ${guest.table.secret === null ? 'no secret' : 'a secret'})`);
  check(guest.sessionRequests.length === 0, `over the limit, the guest page makes 0 session requests (got ${guest.sessionRequests.length})`);
} catch (error) {
  check(false, String(error instanceof Error ? error.message : error));
} finally {
  await browser?.close();
  served.stop();
}

// webpack: the same app, built again (an edge route once failed there on `node:` imports Turbopack allowed).
if (!process.argv.includes('--no-build')) {
  const t0 = Date.now();
  const build = spawnSync(next, ['build', appDir, '--webpack'], { cwd: root, env, stdio: 'inherit' });
  check(build.status === 0, `webpack: next build --webpack succeeds (${seconds(t0)})`);
  if (build.status === 0) {
    const webpackPort = await freePort();
    const appBase = `http://127.0.0.1:${webpackPort}`;
    const webpackServed = startServer(next, ['start', appDir, '--port', String(webpackPort), '--hostname', '127.0.0.1'], { cwd: root, env });
    try {
      await waitForServer(`${appBase}/api/customer-session`, webpackServed);
      check(tagWithSecret.test(await (await fetch(appBase)).text()), 'webpack: the first HTML holds the pricing table with its secret');
      await checkEdgeAndChunks(appBase, 'webpack');
    } catch (error) {
      check(false, `webpack: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      webpackServed.stop();
    }
  }
}
await checkNextDocsApp({ root, next, env, stripe: edgeStripe, check });
await edgeStripe.close();

console.log(`test:next ${failures.length === 0 ? 'passed' : `failed (${failures.length})`} in ${seconds(started)}`);
process.exit(failures.length === 0 ? 0 : 1);
