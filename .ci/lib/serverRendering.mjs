// Shared by test:next and test:react-router: serve a built framework demo on a free loopback port and
// check what a browser would get from it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** `check(ok, message)` prints and collects; `failures` is what failed. */
export function checker() {
  const failures = [];
  const check = (ok, message) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
    if (!ok) failures.push(message);
  };
  return { check, failures };
}

export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Starts the app server in its own process group, so stopping it stops everything it spawned and nothing else. */
export function startServer(command, args, { cwd, env }) {
  const server = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  return { server, stop, log: () => log };
}

/** Resolves once `url` answers anything; throws with the server's output if it exits or times out. */
export async function waitForServer(url, { server, log }, timeoutMs = 60_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${log()}`);
    try {
      await fetch(url, { method: 'OPTIONS' });
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  throw new Error(`the server did not answer within ${timeoutMs} ms:\n${log()}`);
}

export const tagWithSecret = /<stripe-pricing-table\b[^>]*\bcustomer-session-client-secret="(cuss_secret_[A-Za-z0-9]+)"[^>]*>/;
export const signedOut = { headers: { Cookie: 'demo_signed_out=1' } };
/** The page's path, how the demos sign out, what their signed-out page says, and what a refresh asks for. */
const demoApp = { page: '/', signedOut, signedOutText: 'Signed out', components: ['payment_element', 'pricing_table'] };
const isPrivateNoStore = (value) => /\bprivate\b/.test(value ?? '') && /\bno-store\b/.test(value ?? '');

/**
 * What both demos promise: the page's first HTML holds `<stripe-pricing-table>` with the customer's
 * secret, sent `private, no-store`, fresh on every request; the endpoint serves refreshes; a signed-out
 * visitor gets no secret and a 401 from the endpoint.
 */
export async function checkServerRendering(base, check, endpoint = '/api/customer-session', app = demoApp) {
  const page = await fetch(`${base}${app.page}`);
  const html = await page.text();
  check(page.status === 200, `GET ${app.page} answers 200 (got ${page.status})`);
  const match = tagWithSecret.exec(html);
  check(match !== null, 'the first HTML holds <stripe-pricing-table customer-session-client-secret="cuss_secret_…">');
  const cacheControl = page.headers.get('cache-control') ?? '';
  check(isPrivateNoStore(cacheControl), `GET ${app.page} is sent Cache-Control private, no-store (got "${cacheControl}")`);

  const again = tagWithSecret.exec(await (await fetch(`${base}${app.page}`)).text());
  check(again !== null && match !== null && again[1] !== match[1], 'every request renders a fresh session (nothing cached on the server)');

  const refresh = await fetch(`${base}${endpoint}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ components: app.components }),
  });
  const body = await refresh.json().catch(() => ({}));
  check(refresh.status === 200 && /^cuss_secret_/.test(body.client_secret ?? ''), `POST ${endpoint} serves a refresh (got ${refresh.status})`);
  check(body.components?.pricing_table?.enabled === true, 'the refreshed session enables the pricing table');
  check(/\bno-store\b/.test(refresh.headers.get('cache-control') ?? ''), 'the refresh is sent Cache-Control no-store');

  const anonymous = await fetch(`${base}${app.page}`, app.signedOut);
  const anonymousHtml = await anonymous.text();
  check(anonymous.status === 200 && anonymousHtml.includes(app.signedOutText) && !anonymousHtml.includes('cuss_secret_'), 'a signed-out visitor gets no secret in the HTML');
  const refused = await fetch(`${base}${endpoint}`, { method: 'POST', headers: { ...app.signedOut.headers, 'Content-Type': 'application/json' }, body: '{}' });
  check(refused.status === 401, `a signed-out refresh is refused with 401 (got ${refused.status})`);
}

export { isPrivateNoStore };

/** The apps stories/docs/ServerRendering.mdx gives: their sign-out cookie, no signed-out text, a policy of the pricing table alone. */
export const docsApp = (page) => ({ page, signedOut: { headers: { Cookie: 'signed_out=1' } }, signedOutText: '', components: ['pricing_table'] });

/**
 * Eight page views at once spend 16 sessions: over the shop's default Stripe budget (10 a second), so
 * some are refused while the page renders. Each must still answer 200, for a guest.
 */
export async function checkOverTheBudget(url, check, name) {
  await new Promise((resolve) => setTimeout(resolve, 1100)); // a fresh one-second window
  const views = await Promise.all(Array.from({ length: 8 }, async () => { const page = await fetch(url); return { status: page.status, html: await page.text() }; }));
  const guests = views.filter(({ html }) => !html.includes('cuss_secret_')).length;
  check(views.every(({ status }) => status === 200) && guests > 0, `${name} over the limit: 8 page views at once answer ${[...new Set(views.map((v) => v.status))].join(', ')}, ${guests} of them for a guest`);
}
