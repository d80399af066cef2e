// `npm run test:runtimes` (for .ci/run, after `npm run build`): the server entry as users run it, from the
// packed package, on Node (through ./node's toNodeListener), Bun, Deno, Cloudflare workerd (miniflare)
// and Vercel's edge-runtime. workerd and edge-runtime get a bundle of ./server made by esbuild with
// their conditions (workerd,worker / edge-light,worker) and nothing marked external: a Node import
// anywhere fails the bundle. Each serves .ci/runtimes/app.mjs; one contract runs against each,
// with the emulator on loopback: 200 with a secret, 401 signed out, 415, 405, 429 over the limit, and the
// in-memory fallback of a limiter whose store is down.
// And Bun's bundler makes a production client bundle that must carry no development-only text.
// The runtimes live in .ci/runtimes (their own package.json and lockfile, installed here: about
// 370 MB that the root install and every developer's `npm ci` do without).
//   --no-install        reuse .ci/runtimes/node_modules as it is (the packed package included)
//   --only <a,b>        run only these runtimes (node, bun, deno, workerd, edge-runtime)
//   --report <file>     also write a vitest-style JSON report (one test per check) for .ci/summarize.mjs
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const dir = join(root, '.ci', 'runtimes');
const bin = (name) => join(dir, 'node_modules', '.bin', name);
const { values: args } = parseArgs({ options: { 'no-install': { type: 'boolean' }, only: { type: 'string' }, report: { type: 'string' } } });
const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

if (!existsSync(join(root, 'dist', 'server', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

if (!args['no-install']) {
  const run = (cmd, cmdArgs, cwd) => execFileSync(cmd, cmdArgs, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  const packDir = mkdtempSync(join(tmpdir(), 'rscs-pack-'));
  try {
    const tarball = run('npm', ['pack', '--silent', '--pack-destination', packDir], root).trim().split('\n').pop();
    // With its peers (npm installs them), so every entry loads; `stripe` is pinned in the runtimes' package.json.
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', join(packDir, tarball)], dir);
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
  console.log(`(runtimes and the packed package installed: ${seconds(started)})`);
}

const { listen } = await import(join(root, 'dist', 'testing', 'index.js'));
const emulator = await listen({}, { host: '127.0.0.1', port: 0 });

/** Starts a runtime serving the app; resolves to its base URL and a stop function. */
const runtimes = {
  node: (config) => serveProcess(process.execPath, ['node.mjs'], config),
  bun: (config) => serveProcess(bin('bun'), ['bun.mjs'], config),
  deno: (config) => serveProcess(bin('deno'), ['run', '--quiet', '--no-prompt', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', 'deno.mjs'], config, { DENO_NO_UPDATE_CHECK: '1' }),
  workerd: async (config) => {
    const { Miniflare } = await import(join(dir, 'node_modules', 'miniflare', 'dist', 'src', 'index.js'));
    const script = await bundle('workerd.mjs', { conditions: ['workerd', 'worker'], format: 'esm' });
    const mf = new Miniflare({ modules: true, script, compatibilityDate: '2026-04-01', bindings: { CONTRACT_CONFIG: JSON.stringify(config) } });
    const url = await mf.ready;
    return { base: url.origin, stop: () => mf.dispose() };
  },
  'edge-runtime': async (config) => {
    const { EdgeRuntime, runServer } = await import(join(dir, 'node_modules', 'edge-runtime', 'dist', 'index.js'));
    const code = await bundle('edge.mjs', { conditions: ['edge-light', 'worker'], format: 'iife' });
    const runtime = new EdgeRuntime({ initialCode: `globalThis.CONTRACT_CONFIG = ${JSON.stringify(config)};\n${code}` });
    const server = await runServer({ runtime, host: '127.0.0.1', port: 0 });
    return { base: server.url.replace(/\/$/, ''), stop: () => server.close() };
  },
};

/** esbuild, as an edge app's build would run it: browser platform, the runtime's conditions, nothing external. */
async function bundle(entry, { conditions, format }) {
  const result = await build({ entryPoints: [join(dir, entry)], bundle: true, write: false, platform: 'browser', conditions, format, minify: true, logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"' } });
  return result.outputFiles[0].text;
}

function serveProcess(command, commandArgs, config, extraEnv = {}) {
  // Its own process group, so stopping it stops whatever the runtime spawned, and nothing else.
  const child = spawn(command, commandArgs, { cwd: dir, env: { ...process.env, ...extraEnv, CONTRACT_CONFIG: JSON.stringify(config) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', stop);
  return new Promise((done, fail) => {
    const timer = setTimeout(() => (stop(), fail(new Error(`${command} did not listen within 30 s:\n${log}`))), 30_000);
    child.stderr.on('data', (chunk) => (log += chunk));
    child.stdout.on('data', (chunk) => {
      log += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        done({ base: match[1], stop });
      }
    });
    child.once('exit', (code) => (clearTimeout(timer), fail(new Error(`${command} exited with ${code}:\n${log}`))));
    child.once('error', (error) => (clearTimeout(timer), fail(error)));
  });
}

const signedIn = { Cookie: 'signed_in=1' };
const post = (base, { headers = signedIn, contentType = 'application/json', body = '{}', path = '/api/customer-session' } = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { ...headers, 'Content-Type': contentType, Accept: 'application/json' }, body });

/** The contract: each entry is one reported test. */
async function contract(base, check) {
  const first = await post(base);
  const session = await first.json().catch(() => ({}));
  check(first.status === 200 && /^cuss_secret_/.test(session.client_secret ?? ''), `200 with a client secret for a signed-in customer (got ${first.status})`);
  check(/\bno-store\b/.test(first.headers.get('cache-control') ?? ''), 'the session is sent Cache-Control no-store');
  const signedOut = await post(base, { headers: {} });
  check(signedOut.status === 401, `401 for a signed-out visitor (got ${signedOut.status})`);
  const notJson = await post(base, { contentType: 'text/plain', body: 'hello' });
  check(notJson.status === 415, `415 for a body that is not JSON (got ${notJson.status})`);
  const get = await fetch(`${base}/api/customer-session`, { headers: signedIn });
  check(get.status === 405 && get.headers.get('allow') === 'POST', `405 with Allow: POST for GET (got ${get.status})`);
  const rest = [];
  for (let i = 0; i < 3; i++) rest.push(await post(base));
  const over = rest[2];
  const overBody = await over.json().catch(() => ({}));
  check(
    rest.map((r) => r.status).join() === '200,200,429' && Number(over.headers.get('retry-after')) >= 1 && overBody.error?.type === 'rate_limit_error',
    `the 4th session in the window (3 allowed) is refused 429 rate_limit_error with Retry-After (got ${rest.map((r) => r.status).join(', ')})`,
  );
  const storeDown = [];
  for (let i = 0; i < 3; i++) storeDown.push((await post(base, { path: '/api/customer-session/store-down' })).status);
  check(storeDown.join() === '200,200,429', `a limiter whose store is down keeps its numbers in memory: 1 on the rate, 1 on the burst, then 429 (got ${storeDown.join(', ')})`);
}

const only = args.only?.split(',');
const results = [];

// Node loads every entry through import and through require(): ESM only, so require() needs Node's
// unflagged require(esm) (20.19+, 22.12+), which is what package.json's engines names.
if (!only || only.includes('node')) {
  const steps = [];
  const entries = ['', '/server', '/node', '/testing'].map((sub) => `react-stripe-customer-session${sub}`);
  const load = (title, code) => {
    const result = spawnSync(process.execPath, ['-e', code], { cwd: dir, encoding: 'utf8' });
    const ok = result.status === 0 && result.stderr.trim() === '';
    console.log(`${ok ? 'ok  ' : 'FAIL'} node ${process.version}: ${title}`);
    steps.push({ title: `${title} (Node ${process.version})`, ok, output: `${result.stdout}${result.stderr}` });
  };
  load('import loads every entry', `Promise.all(${JSON.stringify(entries)}.map((e) => import(e))).then((ms) => { if (ms.some((m) => Object.keys(m).length === 0)) process.exit(1); })`);
  load('require() loads every entry, with no warning', `for (const e of ${JSON.stringify(entries)}) if (Object.keys(require(e)).length === 0) process.exit(1);`);
  results.push({ name: 'node loading', steps });
}
for (const [name, start] of Object.entries(runtimes)) {
  if (only && !only.includes(name)) continue;
  const t0 = performance.now();
  const steps = [];
  const check = (ok, title) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${title}`);
    steps.push({ title, ok, output: ok ? '' : title });
  };
  const customer = emulator.emulator.createCustomer({ name: `Runtime ${name}` }).id;
  let served;
  try {
    served = await start({ emulatorUrl: emulator.url, customer });
    check(true, 'starts and serves the handler');
    await contract(served.base, check);
  } catch (error) {
    check(false, `runs the contract: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2000));
  } finally {
    await served?.stop();
  }
  console.log(`(${name}: ${seconds(t0)})`);
  results.push({ name, steps });
}
await emulator.close();

// Bun's bundler does not fold a constant shared across modules: the client keeps its development
// messages out of a production build only because each check is written out where it is used.
if (!only || only.includes('bun')) {
  const steps = [];
  const title = 'bun build: the production client bundle carries no development-only text';
  const out = join(mkdtempSync(join(tmpdir(), 'rscs-bun-')), 'client.js');
  try {
    writeFileSync(join(dir, '.client-entry.mjs'), "export * from 'react-stripe-customer-session';\n");
    const externals = ['react', 'react/*', 'react-dom', 'react-dom/*', '@tanstack/*', '@stripe/*', 'stripe'].flatMap((e) => ['-e', e]);
    execFileSync(bin('bun'), ['build', '.client-entry.mjs', '--minify', '--target=browser', '--format=esm', '--define', 'process.env.NODE_ENV="production"', ...externals, '--outfile', out], { cwd: dir, stdio: 'pipe' });
    const code = readFileSync(out, 'utf8');
    const ok = !/Invalid Customer Session:|must be used inside <CustomerSessionProvider>|Customer Session endpoint answered/.test(code);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${title} (${gzipSync(code, { level: 9 }).length} B min+gzip)`);
    steps.push({ title, ok, output: title });
  } catch (error) {
    console.log(`FAIL ${title}: ${error.message}`);
    steps.push({ title, ok: false, output: String(error.message) });
  } finally {
    rmSync(join(dir, '.client-entry.mjs'), { force: true });
    rmSync(dirname(out), { recursive: true, force: true });
  }
  results.push({ name: 'bun build', steps });
}

const all = results.flatMap((r) => r.steps);
const failed = all.filter((s) => !s.ok).length;
console.log(`\ntest:runtimes: ${all.length - failed} checks passed, ${failed} failed, ${seconds(started)}`);
if (args.report) {
  // The subset of vitest's JSON report that .ci/summarize.mjs reads.
  const testResults = results.map(({ name, steps }) => ({
    name: `test:runtimes ${name}`,
    status: steps.every((s) => s.ok) ? 'passed' : 'failed',
    assertionResults: steps.map((s) => ({ title: s.title, fullName: `${name} ${s.title}`, status: s.ok ? 'passed' : 'failed', failureMessages: s.ok ? [] : [s.output] })),
  }));
  mkdirSync(dirname(args.report), { recursive: true });
  writeFileSync(args.report, `${JSON.stringify({ numTotalTests: all.length, numPassedTests: all.length - failed, numFailedTests: failed, success: failed === 0, testResults }, null, 2)}\n`);
}
process.exit(failed === 0 ? 0 : 1);
