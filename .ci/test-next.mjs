// `npm run test:next` (for .ci/run, after `npm run build`): builds the Next.js App Router demo in
// demo/next with `next build`, serves it with `next start` on a free port (always on the emulator),
// and checks what a browser would get: the page's first HTML holds `<stripe-pricing-table>` with the
// customer's secret and is sent `private, no-store`; the route handler serves refreshes; a signed-out
// visitor gets no secret. `--no-build` reuses demo/next/.next.
// Time on this 2-core machine under load: next build 75-140 s on a clean checkout, about 40% less
// with demo/next/.next/cache kept from a previous build (CI may cache that folder); checks about 8 s.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const appDir = join(root, 'demo', 'next');
const next = join(root, 'node_modules', '.bin', 'next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
delete env.STRIPE_SECRET_KEY; // always the in-process emulator here, even on a machine with real keys
delete env.STRIPE_CUSTOMER_ID;

const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
};
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first (the Next.js app imports the package by its name).');
  process.exit(1);
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

const port = await new Promise((done, fail) => {
  const probe = createServer().once('error', fail);
  probe.listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => done(free));
  });
});
const base = `http://127.0.0.1:${port}`;
// Its own process group, so stopping it stops everything `next start` spawned, and nothing else.
const server = spawn(next, ['start', appDir, '--port', String(port), '--hostname', '127.0.0.1'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stdout.on('data', (chunk) => (serverLog += chunk));
server.stderr.on('data', (chunk) => (serverLog += chunk));
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stop);

async function waitForServer(timeoutMs = 60_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}:\n${serverLog}`);
    try {
      await fetch(`${base}/api/customer-session`, { method: 'OPTIONS' });
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  throw new Error(`next start did not answer within ${timeoutMs} ms:\n${serverLog}`);
}

const tagWithSecret = /<stripe-pricing-table\b[^>]*\bcustomer-session-client-secret="(cuss_secret_[A-Za-z0-9]+)"[^>]*>/;

try {
  const t0 = Date.now();
  await waitForServer();
  console.log(`(next start: ready in ${seconds(t0)})`);

  const page = await fetch(base);
  const html = await page.text();
  const cacheControl = page.headers.get('cache-control') ?? '';
  check(page.status === 200, `GET / answers 200 (got ${page.status})`);
  const match = tagWithSecret.exec(html);
  check(match !== null, 'the first HTML holds <stripe-pricing-table customer-session-client-secret="cuss_secret_…">');
  check(/\bprivate\b/.test(cacheControl) && /\bno-store\b/.test(cacheControl), `GET / is sent Cache-Control private, no-store (got "${cacheControl}")`);

  const again = tagWithSecret.exec(await (await fetch(base)).text());
  check(again !== null && match !== null && again[1] !== match[1], 'every request renders a fresh session (nothing cached on the server)');

  const refresh = await fetch(`${base}/api/customer-session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ components: ['payment_element', 'pricing_table'] }),
  });
  const body = await refresh.json().catch(() => ({}));
  check(refresh.status === 200 && /^cuss_secret_/.test(body.client_secret ?? ''), `POST /api/customer-session serves a refresh (got ${refresh.status})`);
  check(body.components?.pricing_table?.enabled === true, 'the refreshed session enables the pricing table');
  check(/\bno-store\b/.test(refresh.headers.get('cache-control') ?? ''), 'the refresh is sent Cache-Control no-store');

  const signedOut = { headers: { Cookie: 'demo_signed_out=1' } };
  const anonymousHtml = await (await fetch(base, signedOut)).text();
  check(anonymousHtml.includes('Signed out') && !anonymousHtml.includes('cuss_secret_'), 'a signed-out visitor gets no secret in the HTML');
  const refused = await fetch(`${base}/api/customer-session`, { method: 'POST', headers: { ...signedOut.headers, 'Content-Type': 'application/json' }, body: '{}' });
  check(refused.status === 401, `a signed-out refresh is refused with 401 (got ${refused.status})`);
} catch (error) {
  check(false, String(error instanceof Error ? error.message : error));
} finally {
  stop();
}

console.log(`test:next ${failures.length === 0 ? 'passed' : `failed (${failures.length})`} in ${seconds(started)}`);
process.exit(failures.length === 0 ? 0 : 1);
