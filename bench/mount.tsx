// Mount cost: 1000 consumers mounted under CustomerSessionProvider vs under a bare React context
// holding the same state, timed with flushSync (render + commit + effects) on React's production
// build. Warm-up first, then interleaved repetitions; the ratio of medians is reported.
// Target: ≤ 1.3× (issue 19 re-set the client-core target).
import './lib/dom';
import { createContext, useContext, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient } from '@tanstack/react-query';
import type { ComponentName, CustomerSessionState } from '../src/index';
import { loadClient } from './lib/dist';
import { installBenchEndpoint } from './lib/endpoint';
import { finishSection, median, quantile, round, until } from './lib/report';

if (process.env.NODE_ENV !== 'production') throw new Error('run with NODE_ENV=production (bench/run.mjs does)');
const { CustomerSessionProvider, useCustomerSessionContext } = await loadClient();
await installBenchEndpoint();
const consumerCount = 1000;
const warmup = 30;
const repetitions = Number(process.env.BENCH_MOUNT_REPS ?? 300);
const url = '/api/customer-session';
const components: ComponentName[] = ['payment_element', 'pricing_table'];

function OurConsumer(): ReactElement {
  const { status } = useCustomerSessionContext();
  return <span>{status}</span>;
}

const BareContext = createContext<{ state: CustomerSessionState } | null>(null);
function BareConsumer(): ReactElement {
  const value = useContext(BareContext);
  if (value === null) throw new Error('BareConsumer needs its provider');
  return <span>{value.state.status}</span>;
}

// One session for every repetition: a provider kept mounted on the same QueryClient holds it, so
// each measured provider finds it ready (as a page does after its first render) and fetches nothing.
const client = new QueryClient();
const keeper = {
  state: null as CustomerSessionState | null,
  see(state: CustomerSessionState) {
    keeper.state = state;
  },
};
function Keeper(): null {
  keeper.see(useCustomerSessionContext());
  return null;
}
createRoot(document.createElement('div')).render(
  <CustomerSessionProvider endpoint={url} components={components} queryClient={client}>
    <Keeper />
  </CustomerSessionProvider>,
);
await until(() => keeper.state?.status === 'ready', 'the shared session');
const bareValue = { state: keeper.state as unknown as CustomerSessionState };

const ours = () => (
  <CustomerSessionProvider endpoint={url} components={components} queryClient={client}>
    {Array.from({ length: consumerCount }, (_, i) => <OurConsumer key={i} />)}
  </CustomerSessionProvider>
);
const bare = () => (
  <BareContext.Provider value={bareValue}>
    {Array.from({ length: consumerCount }, (_, i) => <BareConsumer key={i} />)}
  </BareContext.Provider>
);

function timeMount(tree: () => ReactElement): number {
  const container = document.createElement('div');
  document.body.append(container);
  const root: Root = createRoot(container);
  const element = tree();
  const start = performance.now();
  flushSync(() => root.render(element));
  const elapsed = performance.now() - start;
  if (container.childElementCount !== consumerCount || container.firstElementChild?.textContent !== 'ready') {
    throw new Error('the tree did not mount with a ready session');
  }
  flushSync(() => root.unmount());
  container.remove();
  return elapsed;
}

const samples = { ours: [] as number[], bare: [] as number[] };
for (let i = 0; i < warmup + repetitions; i++) {
  // Alternate which side goes first, so drift (JIT, GC, heat) hits both alike.
  const order = i % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
  for (const side of order) {
    const ms = timeMount(side === 'ours' ? ours : bare);
    if (i >= warmup) samples[side].push(ms);
  }
}

const stats = (xs: number[]) => ({ median: round(median(xs), 3), p25: round(quantile(xs, 0.25), 3), p75: round(quantile(xs, 0.75), 3), min: round(Math.min(...xs), 3) });
const o = stats(samples.ours);
const b = stats(samples.bare);
const ratio = round(o.median / b.median, 3);
// Each repetition's own ratio, then their median: robust to drift across the run.
const pairedRatio = round(median(samples.ours.map((ms, i) => ms / (samples.bare[i] ?? NaN))), 3);
finishSection('mount', {
  title: `Mount cost: ${consumerCount} consumers, React production build, ${repetitions} interleaved repetitions after ${warmup} warm-up (ms)`,
  columns: ['tree', 'median', 'p25', 'p75', 'min', 'ratio (median)'],
  rows: [
    ['CustomerSessionProvider + useCustomerSessionContext', o.median, o.p25, o.p75, o.min, ratio],
    ['baseline: bare React context, same value', b.median, b.p25, b.p75, b.min, 1],
  ],
  checks: [
    { name: `mount ${consumerCount} consumers, provider vs bare context (ratio of medians)`, target: '≤ 1.3×', actual: `${ratio}×`, met: ratio <= 1.3 },
    { name: 'the same, median of per-repetition ratios', target: '≤ 1.3×', actual: `${pairedRatio}×`, met: pairedRatio <= 1.3 },
  ],
  data: { consumers: consumerCount, warmup, repetitions, ours: o, baseline: b, ratio, pairedRatio },
});
process.exit(0);
