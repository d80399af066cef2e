// Page load in real Chromium against the demo storefront (its production build, served in-process), with every emulated
// Stripe call delayed by a realistic round trip: the server-rendered page (`/ssr`: createCustomerSession
// while rendering, `initialSession` in the browser) against the client-fetched one (`/`: the provider
// POSTs /api/customer-session after hydration). Per load: time from navigation start until a
// `<stripe-pricing-table>` carries a customer secret, and the session requests the page makes.
// Interleaved loads after a warm-up; medians; ratio server-rendered / client-fetched.
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumArgs, chromiumExecutablePath } from '../test/browser/chromium';
import { join } from 'node:path';
import { buildDemo, startBuiltDemo } from '../demo/server/builtDemo';
import { finishSection, median, quantile, repoRoot, round } from './lib/report';

const stripeLatencyMs = 150;
const loads = Number(process.env.BENCH_PAGELOAD_LOADS ?? 25);
const warmUp = Number(process.env.BENCH_PAGELOAD_WARMUP ?? 3);
const variants = [
  { name: 'client-fetched (/)', path: '/' },
  { name: 'server-rendered (/ssr)', path: '/ssr' },
] as const;

interface Load {
  secretMs: number;
  responseStartMs: number;
  sessionRequests: number;
  stripeCalls: number;
}

// Runs before the page's own scripts: records when the parser or React first puts a customer secret on a
// pricing table. A string, so no compiler helper (tsx's __name) leaks into the page.
const watchForSecret = `
  new MutationObserver((_, observer) => {
    if (window.__secretAt === undefined && document.querySelector('stripe-pricing-table[customer-session-client-secret^="cuss_secret_"]')) {
      window.__secretAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['customer-session-client-secret'] });
`;

// The production build of the demo (see demo/server/builtDemo.ts), always on the emulator.
const outDir = join(repoRoot, 'bench', '.tmp', 'demo-build');
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true'; // Vite 8's notice about a future config loader, once per build
await buildDemo(outDir);
delete process.env.STRIPE_SECRET_KEY;
process.env.DEMO_STRIPE_LATENCY_MS = String(stripeLatencyMs);
process.env.DEMO_SESSIONS_PER_MINUTE = '1000'; // one shopper loading ~60 pages a minute
process.env.DEMO_STRIPE_SESSIONS_PER_SECOND = '1000'; // the shop's budget too: this measures load time, not limiting
const demo = await startBuiltDemo(outDir);
const stripeSessionCalls = async (): Promise<number> => {
  const { requests } = (await (await fetch(`${demo.baseUrl}/__emulator/requests`)).json()) as { requests: Array<{ path: string }> };
  return requests.filter((request) => request.path === '/v1/customer_sessions').length;
};
const browser = await chromium.launch({ executablePath: chromiumExecutablePath, args: chromiumArgs });

async function load(context: BrowserContext, path: string): Promise<Load> {
  const page = await context.newPage();
  let sessionRequests = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/customer-session') sessionRequests += 1;
  });
  const stripeBefore = await stripeSessionCalls();
  const t0 = Date.now();
  await page.goto(`${demo.baseUrl}${path}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __secretAt?: number }).__secretAt !== undefined, null, { timeout: 30_000, polling: 10 });
  // Whatever the page still asks for after showing the secret counts too.
  await page.waitForLoadState('networkidle');
  const timings = await page.evaluate(() => ({
    secretMs: (window as unknown as { __secretAt: number }).__secretAt,
    responseStartMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseStart,
  }));
  const stripeCalls = (await stripeSessionCalls()) - stripeBefore;
  if (process.env.BENCH_DEBUG) console.log(path, JSON.stringify(timings), Date.now() - t0);
  await page.close();
  return { ...timings, sessionRequests, stripeCalls };
}

const results = new Map<string, Load[]>(variants.map((v) => [v.name, []]));
try {
  const context = await browser.newContext();
  await context.addInitScript(watchForSecret);
  // Offline: Stripe's own scripts are refused at once; the demo draws the elements with stand-ins.
  await context.route('https://js.stripe.com/**', (route) => route.abort());
  for (let i = 0; i < warmUp; i++) for (const variant of variants) await load(context, variant.path); // Vite transforms, JIT
  for (let i = 0; i < loads; i++) {
    // Alternate which goes first, so neither always follows the other.
    const order = i % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) results.get(variant.name)?.push(await load(context, variant.path));
  }
  await context.close();
} finally {
  await browser.close();
  await demo.close();
}

const summary = variants.map((variant) => {
  const runs = results.get(variant.name) ?? [];
  return {
    name: variant.name,
    secretMedian: median(runs.map((r) => r.secretMs)),
    secretP90: quantile(runs.map((r) => r.secretMs), 0.9),
    responseStartMedian: median(runs.map((r) => r.responseStartMs)),
    sessionRequests: median(runs.map((r) => r.sessionRequests)),
    maxSessionRequests: Math.max(...runs.map((r) => r.sessionRequests)),
    stripeCalls: median(runs.map((r) => r.stripeCalls)),
    loads: runs.length,
  };
});
const [clientFetched, serverRendered] = summary;
if (!clientFetched || !serverRendered) throw new Error('both variants must have run');
const ratio = serverRendered.secretMedian / clientFetched.secretMedian;

finishSection('pageload', {
  title: `Page load in Chromium, demo storefront (production build), ${stripeLatencyMs} ms per Stripe call (median of ${loads} loads each, interleaved; times from navigation start)`,
  columns: ['page', 'secret on pricing table (ms)', 'p90 (ms)', 'first byte (ms)', 'session requests / load', 'Stripe calls / load'],
  rows: [
    ...summary.map((s) => [s.name, round(s.secretMedian, 0), round(s.secretP90, 0), round(s.responseStartMedian, 0), s.sessionRequests, s.stripeCalls]),
    ['server-rendered / client-fetched', `${round(ratio)}×`, '', '', '', ''],
  ],
  checks: [
    {
      name: 'server-rendered page: session requests per load',
      target: '0 on every load',
      actual: `max ${serverRendered.maxSessionRequests} over ${serverRendered.loads} loads`,
      met: serverRendered.maxSessionRequests === 0,
      hard: true,
    },
    {
      name: 'server-rendered page shows the secret sooner',
      target: '< 1× the client-fetched page',
      actual: `${round(ratio)}× (${round(serverRendered.secretMedian, 0)} ms vs ${round(clientFetched.secretMedian, 0)} ms)`,
      met: ratio < 1,
    },
  ],
  data: { stripeLatencyMs, loads, warmUp, summary, runs: Object.fromEntries(results) },
});
