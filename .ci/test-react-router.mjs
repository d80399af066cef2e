// `npm run test:react-router` (for .ci/run, after `npm run build`): the React Router 7 framework-mode
// demo in demo/react-router. It has its own package.json and lockfile (@react-router/dev wants vite 7,
// the library builds with vite 8), installed here with `npm ci`, plus the packed package (`npm pack`,
// installed with --no-save). Then `react-router build`, `react-router-serve` on a free port (always on
// the emulator), and what test:next checks: the secret in the first HTML, `private, no-store`, a fresh
// secret per request, refresh through the endpoint (a resource route), no secret for a signed-out
// visitor. Also: a client navigation's `.data` is `private, no-store` too, and a page view over the
// per-customer rate limit renders for a guest with a 200, not a 500.
// Then the same for the docs' own app: the files stories/docs/ServerRendering.mdx gives for React Router,
// verbatim, in demo/react-router/docs-app (the demo's node_modules), type-checked, built and served on the
// emulator as its "without keys" section says; over the shop's Stripe budget it renders for a guest with a 200.
//   --no-install  reuse demo/react-router/node_modules (the packed package included)
//   --no-build    reuse demo/react-router/build
// Time here: install about 25 s (npm cache warm), build 15-30 s, checks about 3 s.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeDocsFiles } from './lib/docsFiles.mjs';
import { checker, checkOverTheBudget, checkServerRendering, docsApp, freePort, isPrivateNoStore, seconds, startServer, tagWithSecret, waitForServer } from './lib/serverRendering.mjs';

const root = resolve(import.meta.dirname, '..');
const appDir = join(root, 'demo', 'react-router');
const bin = (name) => join(appDir, 'node_modules', '.bin', name);
const { values: args } = parseArgs({ options: { 'no-install': { type: 'boolean' }, 'no-build': { type: 'boolean' } } });
const env = { ...process.env, NODE_ENV: 'production' };
delete env.STRIPE_SECRET_KEY; // always the in-process emulator here, even on a machine with real keys
delete env.STRIPE_CUSTOMER_ID;

const { check, failures } = checker();
if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const started = Date.now();
const run = (cmd, cmdArgs, cwd) => execFileSync(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

if (!args['no-install']) {
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error', '--include=dev'], appDir);
  const packDir = mkdtempSync(join(tmpdir(), 'rscs-pack-'));
  try {
    const tarball = run('npm', ['pack', '--silent', '--pack-destination', packDir], root).trim().split('\n').pop();
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', '--include=dev', join(packDir, tarball)], appDir);
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
  console.log(`(installed: ${seconds(started)})`);
}
// Type-checks the demo against the packed package's declarations (the root's TypeScript).
const tsc = join(root, 'node_modules', '.bin', 'tsc');
const types = spawnSync(tsc, ['-p', appDir], { cwd: root, encoding: 'utf8' });
check(types.status === 0, `the demo type-checks against the packed package${types.status === 0 ? '' : `:\n${types.stdout}${types.stderr}`}`);

if (!args['no-build']) {
  const t0 = Date.now();
  const build = spawnSync(bin('react-router'), ['build'], { cwd: appDir, env, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('react-router build failed');
    process.exit(1);
  }
  console.log(`(react-router build: ${seconds(t0)})`);
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// 20 sessions per customer per minute (the demo's knob; the default is 360), so a few page views reach it.
const served = startServer(bin('react-router-serve'), ['./build/server/index.js'], { cwd: appDir, env: { ...env, PORT: String(port), HOST: '127.0.0.1', DEMO_SESSIONS_PER_MINUTE: '20' } });
try {
  const t0 = Date.now();
  await waitForServer(base, served);
  console.log(`(react-router-serve: ready in ${seconds(t0)})`);
  await checkServerRendering(base, check);

  // A client-side navigation fetches the loader's data as /_root.data: it carries the secret too.
  const navigation = await fetch(`${base}/_root.data`);
  const navigationBody = await navigation.text();
  check(navigation.status === 200 && navigationBody.includes('cuss_secret_'), `a client navigation's .data holds the session (got ${navigation.status})`);
  check(isPrivateNoStore(navigation.headers.get('cache-control')), `the .data is sent Cache-Control private, no-store (got "${navigation.headers.get('cache-control')}")`);

  const get = await fetch(`${base}/api/customer-session`);
  check(get.status === 405 && get.headers.get('allow') === 'POST', `GET on the endpoint answers the handler's 405 (got ${get.status})`);

  // 20 sessions per customer per minute here, spent above already in part: keep reloading until the
  // loader is refused. Every page view must still answer 200.
  const statuses = [];
  let guestHtml = null;
  for (let i = 0; i < 25 && guestHtml === null; i++) {
    const page = await fetch(base);
    const html = await page.text();
    statuses.push(page.status);
    if (!tagWithSecret.test(html)) guestHtml = html;
  }
  check(statuses.every((s) => s === 200), `every page view answers 200, over the limit too (got ${[...new Set(statuses)].join(', ')})`);
  check(guestHtml !== null && guestHtml.includes('Plans for guests') && !guestHtml.includes('cuss_secret_'), `over the limit (page view ${statuses.length}), the page renders for a guest with no secret`);
  const refused = await fetch(`${base}/api/customer-session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  check(refused.status === 429 && Number(refused.headers.get('retry-after')) >= 1, `the endpoint answers 429 with Retry-After meanwhile (got ${refused.status})`);
} catch (error) {
  check(false, String(error instanceof Error ? error.message : error));
} finally {
  served.stop();
}

// The docs' app. Its Stripe is the package's emulator on a free port (the docs' emulator.mjs takes a fixed one).
console.log('-- the app stories/docs/ServerRendering.mdx gives (demo/react-router/docs-app)');
const docsDir = join(appDir, 'docs-app');
rmSync(docsDir, { recursive: true, force: true });
const docsFiles = writeDocsFiles(docsDir, join(root, 'stories', 'docs', 'ServerRendering.mdx'), ['React Router 7 (framework mode)', 'Trying either app without keys']);
// What the docs' install lines leave in package.json (the demo's versions; React Router reads it to find its server runtime).
const { dependencies, devDependencies } = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8'));
writeFileSync(join(docsDir, 'package.json'), JSON.stringify({ private: true, type: 'module', dependencies: { ...dependencies, 'react-stripe-customer-session': '*' }, devDependencies }));
console.log(`(docs files: ${docsFiles.join(', ')})`);
const docsTypes = spawnSync(tsc, ['-p', docsDir], { cwd: root, encoding: 'utf8' });
check(docsTypes.status === 0, `the docs' app type-checks under its tsconfig (strict)${docsTypes.status === 0 ? '' : `:\n${docsTypes.stdout}${docsTypes.stderr}`}`);
const docsBuild = spawnSync(bin('react-router'), ['build'], { cwd: docsDir, env, encoding: 'utf8' });
check(docsBuild.status === 0, `the docs' app builds${docsBuild.status === 0 ? '' : `:\n${docsBuild.stdout}${docsBuild.stderr}`}`);
if (docsBuild.status === 0) {
  const { listen } = await import(join(root, 'dist', 'testing', 'index.js'));
  const stripe = await listen({}, { host: '127.0.0.1', port: 0 });
  const docsPort = await freePort();
  const docsBase = `http://127.0.0.1:${docsPort}`;
  const docsEnv = { ...env, PORT: String(docsPort), HOST: '127.0.0.1', STRIPE_SECRET_KEY: 'sk_test_emulator', STRIPE_EMULATOR_PORT: String(stripe.port), DEMO_CUSTOMER_ID: stripe.emulator.createCustomer({ name: 'Jenny Rosen' }).id };
  const docsServed = startServer(bin('react-router-serve'), ['./build/server/index.js'], { cwd: docsDir, env: docsEnv });
  try {
    await waitForServer(docsBase, docsServed);
    await checkServerRendering(docsBase, check, '/api/customer-session', docsApp('/'));
    const navigation = await fetch(`${docsBase}/_root.data`);
    check(isPrivateNoStore(navigation.headers.get('cache-control')) && (await navigation.text()).includes('cuss_secret_'), `the docs' app: its .data holds the session, sent private, no-store (got "${navigation.headers.get('cache-control')}")`);
    await checkOverTheBudget(docsBase, check, "the docs' app");
  } catch (error) {
    check(false, `the docs' app: ${String(error instanceof Error ? error.message : error)}`);
  } finally {
    docsServed.stop();
    await stripe.close();
  }
}

console.log(`test:react-router ${failures.length === 0 ? 'passed' : `failed (${failures.length})`} in ${seconds(started)}`);
process.exit(failures.length === 0 ? 0 : 1);
