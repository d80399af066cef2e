// `npm run test:next` (for .ci/run, after `npm run build`): builds the Next.js App Router demo in
// demo/next with Turbopack (`next build`) and with webpack (`next build --webpack`), serves each with
// `next start` on a free port (always on the emulator) and checks what a browser would get: the page's
// first HTML holds `<stripe-pricing-table>` with the customer's secret and is sent `private, no-store`;
// the route handler serves refreshes; a signed-out visitor gets no secret. The edge route
// (app/api/edge-customer-session, `runtime = 'edge'`) builds with both and serves the same contract,
// its SDK reaching an emulator on loopback. The client chunks carry no development-only text.
//   --no-build  reuse demo/next/.next (one build, whichever it was)
//   --only turbopack|webpack
// Time on this 2-core machine under load: each next build 75-140 s on a clean checkout, about 40% less
// with demo/next/.next/cache kept from a previous build (CI may cache that folder); checks about 8 s.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checker, checkServerRendering, freePort, seconds, signedOut, startServer, waitForServer } from './lib/serverRendering.mjs';

const root = resolve(import.meta.dirname, '..');
const appDir = join(root, 'demo', 'next');
const next = join(root, 'node_modules', '.bin', 'next');
const { values: args } = parseArgs({ options: { 'no-build': { type: 'boolean' }, only: { type: 'string' } } });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
delete env.STRIPE_SECRET_KEY; // always the in-process emulator here, even on a machine with real keys
delete env.STRIPE_CUSTOMER_ID;
// Development-only messages that a production bundle must not carry (as in check:package).
const devOnlyText = /Invalid Customer Session:|must be used inside <CustomerSessionProvider>|Customer Session endpoint answered/;

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

const started = Date.now();
const builders = args['no-build'] ? ['existing build'] : ['turbopack', 'webpack'].filter((b) => !args.only || args.only === b);
for (const builder of builders) {
  const t0 = Date.now();
  if (builder !== 'existing build') {
    const build = spawnSync(next, ['build', appDir, ...(builder === 'webpack' ? ['--webpack'] : [])], { cwd: root, env, stdio: 'inherit' });
    check(build.status === 0, `${builder}: next build (with the edge route) succeeds (${seconds(t0)})`);
    if (build.status !== 0) continue;
  }
  await serveAndCheck(builder);
}
await edgeStripe.close();

async function serveAndCheck(builder) {
  const chunks = join(appDir, '.next', 'static', 'chunks');
  const clientCode = readdirSync(chunks, { recursive: true }).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(chunks, f), 'utf8')).join('\n');
  check(clientCode.includes('customer-session-client-secret') && !devOnlyText.test(clientCode), `${builder}: the client chunks hold the package with no development-only text`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const served = startServer(next, ['start', appDir, '--port', String(port), '--hostname', '127.0.0.1'], { cwd: root, env });
  try {
    const t0 = Date.now();
    await waitForServer(`${base}/api/customer-session`, served);
    console.log(`(${builder}: next start ready in ${seconds(t0)})`);
    await checkServerRendering(base, (ok, message) => check(ok, `${builder}: ${message}`));

    const edge = `${base}/api/edge-customer-session`;
    const post = (init = {}) => fetch(edge, { method: 'POST', ...init, headers: { 'Content-Type': 'application/json', ...init.headers }, body: init.body ?? '{}' });
    const ok = await post();
    const session = await ok.json().catch(() => ({}));
    check(ok.status === 200 && /^cuss_secret_/.test(session.client_secret ?? ''), `${builder}: the edge route answers 200 with a secret (got ${ok.status})`);
    check((await post({ headers: signedOut.headers })).status === 401, `${builder}: the edge route refuses a signed-out visitor with 401`);
    check((await post({ headers: { 'Content-Type': 'text/plain' }, body: 'x' })).status === 415, `${builder}: the edge route answers 415 to a body that is not JSON`);
  } catch (error) {
    check(false, `${builder}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    served.stop();
  }
}

console.log(`test:next ${failures.length === 0 ? 'passed' : `failed (${failures.length})`} in ${seconds(started)}`);
process.exit(failures.length === 0 ? 0 : 1);
