// Storefront: one Payment Element, one pricing table and 24 buy buttons, 6 of them in view; the page
// loads, then the customer scrolls to the end (3 scrolls of 6). Per page view: endpoint requests,
// Stripe sessions created, distinct secrets rendered, and the time to the first customer-aware element,
// client-fetched and server-rendered. Baseline: the package before "one secret, one render"
// (commit 9d9fa23, its sources run as they are) on the same page, the same chain and the same latency.
import './lib/dom';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createElement as h, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot, createRoot, type Root } from 'react-dom/client';
import type * as Client from '../src/index';
import type * as Server from '../src/server/index';
import type * as Testing from '../src/testing/index';
import { loadClient, loadServer, loadTesting } from './lib/dist';
import { finishSection, median, repoRoot, round, sleep, until, type Check } from './lib/report';

const baselineCommit = '9d9fa23';
const endpointLatencyMs = 40; // browser ↔ the app's server, each way together
const stripeLatencyMs = 120; // the app's server ↔ Stripe, per session
const views = Number(process.env.BENCH_STOREFRONT_VIEWS ?? 5);
const buyButtons = 24;
const inView = 6;

interface Version {
  client: typeof Client;
  server: typeof Server;
  testing: typeof Testing;
}

/** The baseline's source from git, built; `null` where the history does not hold it (a shallow clone): then only today's version runs. */
async function loadBaseline(): Promise<Version | null> {
  const dir = join(repoRoot, 'bench', '.tmp', `baseline-${baselineCommit}`);
  if (!existsSync(join(dir, 'src', 'index.ts'))) {
    try {
      execSync(`git cat-file -e ${baselineCommit}^{commit}`, { cwd: repoRoot, stdio: 'ignore' });
    } catch {
      console.log(`(storefront: baseline ${baselineCommit} is not in this clone's history, so only today's version runs)`);
      return null;
    }
    mkdirSync(dir, { recursive: true });
    execSync(`git archive ${baselineCommit} src | tar -x -C ${JSON.stringify(dir)}`, { cwd: repoRoot });
  }
  // Built as the package builds its entries (automatic JSX runtime, peers external), into dist/ beside it.
  await build({
    entryPoints: { index: join(dir, 'src/index.ts'), server: join(dir, 'src/server/index.ts'), testing: join(dir, 'src/testing/index.ts') },
    outdir: join(dir, 'dist'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    jsx: 'automatic',
    logLevel: 'error',
  });
  const at = (entry: string) => import(pathToFileURL(join(dir, 'dist', `${entry}.js`)).href);
  return { client: await at('index'), server: await at('server'), testing: await at('testing') };
}

const baseline = await loadBaseline();
const versions: Array<[name: string, version: Version]> = [
  ['one secret per element (now)', { client: await loadClient(), server: await loadServer(), testing: await loadTesting() }],
  ...(baseline ? [[`one shared secret (${baselineCommit})`, baseline] as [string, Version]] : []),
];

// IntersectionObserver as the page's layout would drive it: the first `inView` boxes are in view at once;
// `scroll()` brings the next `inView` in.
let shown = inView;
const observed: Array<{ target: Element; fire: () => void }> = [];
function scroll(): void {
  shown += inView;
  for (const entry of [...observed]) entry.fire();
}
// jsdom has no layout: a box of the grid is in the viewport once it has been scrolled to.
HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
  const box = Number(this.closest('[data-box]')?.getAttribute('data-box') ?? 0);
  const top = box < shown ? 10 : 10_000;
  return { top, bottom: top + 1, left: 0, right: 100, width: 100, height: 1, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
};
(globalThis as Record<string, unknown>).IntersectionObserver = class {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element): void {
    const fire = () => {
      const index = [...document.querySelectorAll('[data-customer-session-pending]')].indexOf(target);
      const box = Number(target.parentElement?.getAttribute('data-box'));
      if (index >= 0 && box < shown) this.callback([{ target, isIntersecting: true } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
    };
    observed.push({ target, fire });
    queueMicrotask(fire);
  }
  disconnect(): void {
    for (let i = observed.length - 1; i >= 0; i--) if ((observed[i]!.fire as unknown as { owner?: unknown }).owner === this) observed.splice(i, 1);
  }
  unobserve(): void {}
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
};

interface View {
  firstSecretMs: number;
  requests: number;
  sessions: number;
  distinctSecrets: number;
}

const policy = { payment_element: { enabled: true }, pricing_table: { enabled: true }, buy_button: { enabled: true } } as const;
const declared = ['payment_element', 'pricing_table', 'buy_button'] as const;

function page({ client }: Version, stripe: unknown, initial: { initialSession?: unknown; initialSessions?: unknown[] }): ReactNode {
  const { CustomerSessionProvider, CustomerSessionElements, PricingTable, BuyButton } = client;
  const buttons = Array.from({ length: buyButtons }, (_, index) =>
    h('div', { key: index, 'data-box': index }, h(BuyButton, { buyButtonId: `buy_btn_${index}` })),
  );
  return h(
    CustomerSessionProvider,
    { endpoint: '/api/customer-session', components: [...declared], publishableKey: 'pk_test_bench', stripe, ...initial } as never,
    h(CustomerSessionElements, { options: { mode: 'payment', amount: 1000, currency: 'usd' } } as never),
    h(PricingTable, { pricingTableId: 'prctbl_bench' }),
    ...buttons,
  );
}

const secrets = (container: Element) => [...container.querySelectorAll('[customer-session-client-secret]')].map((element) => element.getAttribute('customer-session-client-secret')!);

async function view(version: Version, serverRendered: boolean): Promise<View> {
  const { server, testing } = version;
  const emulator = testing.createStripeEmulator();
  const customer = emulator.createCustomer({ email: 'bench@example.com' }).id;
  const emulated = testing.createEmulatorStripeClient(emulator);
  const stripeClient = { customerSessions: { create: async (params: never) => (await sleep(stripeLatencyMs), emulated.customerSessions.create(params)) } };
  const handler = server.createCustomerSessionHandler({ stripe: stripeClient, resolveCustomer: () => customer, components: policy, rateLimit: false, stripeBudget: false } as never);
  let requests = 0;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests += 1;
    await sleep(endpointLatencyMs);
    return handler(new Request(new URL(String(input), 'http://localhost/'), init));
  };
  const stripe = testing.createStripeStandIn();
  shown = inView;
  observed.length = 0;
  const container = document.createElement('div');
  document.body.append(container);
  const t0 = performance.now();
  let root: Root;
  let firstSecretMs: number;
  if (serverRendered) {
    // What the page's server does per request: the sessions it renders (now: one per element in view).
    const create = server as unknown as { createCustomerSessions?: (o: object) => Promise<unknown[]>; createCustomerSession: (o: object) => Promise<unknown> };
    const options = { stripe: stripeClient, customer, components: policy, rateLimit: false, stripeBudget: false };
    const initial = create.createCustomerSessions
      ? await Promise.all([
          create.createCustomerSession({ ...options, narrow: [...declared] }),
          create.createCustomerSessions({ ...options, sessions: [['payment_element'], ['pricing_table'], ...Array.from({ length: inView }, () => ['buy_button'])] }),
        ]).then(([initialSession, initialSessions]) => ({ initialSession, initialSessions }))
      : { initialSession: await create.createCustomerSession({ ...options, narrow: [...declared] }) };
    container.innerHTML = renderToString(page(version, null, initial));
    firstSecretMs = performance.now() - t0; // the first HTML carries the secrets
    root = hydrateRoot(container, page(version, stripe, initial));
  } else {
    root = createRoot(container);
    root.render(page(version, stripe, {}));
    await until(() => secrets(container).length > 0, 'a customer-aware element');
    firstSecretMs = performance.now() - t0;
  }
  await sleep(50);
  for (let scrolled = inView; scrolled < buyButtons; scrolled += inView) {
    const before = secrets(container).length;
    scroll();
    await until(() => secrets(container).length > before || !document.querySelector('[data-customer-session-pending]'), 'the next row');
    await sleep(endpointLatencyMs + stripeLatencyMs + 30);
  }
  const result = {
    firstSecretMs,
    requests,
    sessions: emulator.requests.filter((request) => request.path === '/v1/customer_sessions').length,
    distinctSecrets: new Set([...secrets(container), stripe.elementsOptions?.customerSessionClientSecret].filter(Boolean)).size,
  };
  root.unmount();
  container.remove();
  return result;
}

const rows: Array<Array<string | number>> = [];
const data: Record<string, Record<string, number>> = {};
for (const serverRendered of [false, true]) {
  for (const [name, version] of versions) {
    const runs: View[] = [];
    for (let i = 0; i < views; i++) runs.push(await view(version, serverRendered));
    const mode = serverRendered ? 'server-rendered' : 'client-fetched';
    const summary = {
      firstSecretMs: round(median(runs.map((r) => r.firstSecretMs)), 1),
      requests: median(runs.map((r) => r.requests)),
      sessions: median(runs.map((r) => r.sessions)),
      distinctSecrets: median(runs.map((r) => r.distinctSecrets)),
    };
    data[`${mode}: ${name}`] = summary;
    rows.push([mode, name, summary.requests, summary.sessions, summary.distinctSecrets, summary.firstSecretMs]);
  }
}

const now = (mode: string) => data[`${mode}: ${versions[0]![0]}`] as { distinctSecrets: number; requests: number };
const checks: Check[] = [
  { name: 'distinct secrets per page view (26 elements)', target: '26', actual: String(now('client-fetched').distinctSecrets), met: now('client-fetched').distinctSecrets === 26, hard: true },
  { name: 'server-rendered page: secrets distinct in the first HTML, scrolled ones minted', target: '26', actual: String(now('server-rendered').distinctSecrets), met: now('server-rendered').distinctSecrets === 26, hard: true },
  { name: 'endpoint requests per client-fetched view', target: '≤ 5 (load + 3 scrolls)', actual: String(now('client-fetched').requests), met: now('client-fetched').requests <= 5, hard: true },
  { name: 'endpoint requests per server-rendered view', target: '3 (the scrolls only)', actual: String(now('server-rendered').requests), met: now('server-rendered').requests === 3, hard: true },
];
finishSection('storefront', {
  title: `Storefront: 1 Payment Element, 1 pricing table, ${buyButtons} buy buttons (${inView} in view), load then scroll to the end; medians of ${views} views (endpoint ${endpointLatencyMs} ms, Stripe ${stripeLatencyMs} ms)`,
  columns: ['page', 'code', 'endpoint requests', 'Stripe sessions', 'distinct secrets', 'first customer-aware element (ms)'],
  rows,
  checks,
  data,
});
process.exit(0);
