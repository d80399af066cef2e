// Renders: how often session consumers render, counted with React's <Profiler> (development build).
// Target: one render per real state change; none when an unrelated parent re-renders or on wake-up
// events that change nothing. Baseline: the common hand-rolled provider, a useQuery result put into
// a context with an inline value object.
import './lib/dom';
import { createContext, Profiler, useContext, useState, type ProfilerOnRenderCallback, type ReactElement, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import type { ComponentName } from '../src/index';
import { loadClient } from './lib/dist';
import { installBenchEndpoint } from './lib/endpoint';
import { finishSection, round, sleep, until, type Check } from './lib/report';

const { CustomerSessionProvider, useCustomerSessionContext } = await loadClient();
const endpoint = await installBenchEndpoint();
const consumerCount = 100;
const parentRerenders = 20;
const refreshes = 5;
const wakeEvents = 10;
const url = '/api/customer-session';

type Seen = { status: string; refresh(): Promise<unknown> };
// Written during render on purpose: counting renders is the point.
const probe = {
  renders: [] as number[],
  /** Renders of the one consumer that reads only `clientSecret`. */
  secretRenders: 0,
  states: new Set<unknown>(),
  latest: null as Seen | null,
  rerenderParent: () => {},
  see(state: Seen) {
    probe.states.add(state);
    probe.latest = state;
  },
  setRerender(rerender: () => void) {
    probe.rerenderParent = rerender;
  },
};
const onRender: ProfilerOnRenderCallback = (id) => {
  const index = Number(id);
  probe.renders[index] = (probe.renders[index] ?? 0) + 1;
};

function Show({ id, state }: { id: number; state: { status: string; refresh(): Promise<unknown> } }): ReactElement {
  if (id === 0) probe.see(state);
  return (
    <Profiler id={String(id)} onRender={onRender}>
      <span>{state.status}</span>
    </Profiler>
  );
}

function OurConsumer({ id }: { id: number }): ReactElement {
  return <Show id={id} state={useCustomerSessionContext()} />;
}

// Reads only the secret: TanStack-style tracking renders it once per rotation, not for `refreshing`.
function SecretOnly({ secret }: { secret: string | null }): ReactElement {
  return (
    <Profiler id="secret" onRender={() => void (probe.secretRenders += 1)}>
      <span>{secret === null ? 'none' : 'set'}</span>
    </Profiler>
  );
}
function OurSecretConsumer(): ReactElement {
  return <SecretOnly secret={useCustomerSessionContext().clientSecret} />;
}

interface NaiveValue {
  status: string;
  clientSecret: string | null;
  refresh(): Promise<unknown>;
}
const NaiveContext = createContext<NaiveValue | null>(null);

function NaiveProvider({ children }: { children: ReactNode }): ReactElement {
  const query = useQuery({
    queryKey: ['naive-session', url],
    queryFn: async () => {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"components":["payment_element","pricing_table"]}' });
      return (await response.json()) as { client_secret: string };
    },
  });
  return <NaiveContext.Provider value={{ status: query.status, clientSecret: query.data?.client_secret ?? null, refresh: query.refetch }}>{children}</NaiveContext.Provider>;
}

function NaiveConsumer({ id }: { id: number }): ReactElement {
  const value = useContext(NaiveContext);
  if (value === null) throw new Error('NaiveConsumer needs NaiveProvider');
  return <Show id={id} state={value} />;
}
function NaiveSecretConsumer(): ReactElement {
  return <SecretOnly secret={useContext(NaiveContext)?.clientSecret ?? null} />;
}

// Created once: a parent re-render hands React the very same children.
const ourConsumers = [...Array.from({ length: consumerCount }, (_, id) => <OurConsumer key={id} id={id} />), <OurSecretConsumer key="secret" />];
const naiveConsumers = [...Array.from({ length: consumerCount }, (_, id) => <NaiveConsumer key={id} id={id} />), <NaiveSecretConsumer key="secret" />];

function App({ impl }: { impl: 'ours' | 'baseline' }): ReactElement {
  const [tick, setTick] = useState(0);
  probe.setRerender(() => setTick((t) => t + 1));
  const components: ComponentName[] = ['payment_element', 'pricing_table'];
  // Inline props, new on every render, as apps write them.
  return impl === 'ours' ? (
    <CustomerSessionProvider endpoint={url} components={components} requestInit={{ headers: { 'X-Render': String(tick) } }}>
      {ourConsumers}
    </CustomerSessionProvider>
  ) : (
    <NaiveProvider>{naiveConsumers}</NaiveProvider>
  );
}

interface Phase {
  /** Renders of each consumer during the phase (all consumers must agree). */
  rendersPerConsumer: number;
  /** Renders of the consumer that reads only the secret. */
  secretOnlyRenders: number;
  /** Distinct state objects consumers were given during the phase. */
  statesPublished: number;
}

async function phase(action: () => Promise<void>): Promise<Phase> {
  probe.renders = [];
  probe.secretRenders = 0;
  probe.states = new Set();
  await action();
  await sleep(30);
  const counts = Array.from({ length: consumerCount }, (_, i) => probe.renders[i] ?? 0);
  if (Math.min(...counts) !== Math.max(...counts)) throw new Error(`consumers rendered unevenly: ${Math.min(...counts)}..${Math.max(...counts)}`);
  return { rendersPerConsumer: counts[0] ?? 0, secretOnlyRenders: probe.secretRenders, statesPublished: probe.states.size };
}

async function measure(impl: 'ours' | 'baseline') {
  const client = new QueryClient();
  const root = createRoot(document.createElement('div'));
  const mount = await phase(async () => {
    root.render(
      <QueryClientProvider client={client}>
        <App impl={impl} />
      </QueryClientProvider>,
    );
    await until(() => probe.latest?.status === (impl === 'ours' ? 'ready' : 'success'), `${impl} session`);
  });
  const parent = await phase(async () => {
    for (let i = 0; i < parentRerenders; i++) {
      flushSync(() => probe.rerenderParent());
      await sleep(1);
    }
  });
  const refresh = await phase(async () => {
    for (let i = 0; i < refreshes; i++) {
      await probe.latest?.refresh();
      await sleep(5);
    }
  });
  const wake = await phase(async () => {
    for (let i = 0; i < wakeEvents; i++) {
      window.dispatchEvent(new window.Event('focus'));
      document.dispatchEvent(new window.Event('visibilitychange', { bubbles: true }));
      await sleep(1);
    }
  });
  root.unmount();
  client.clear();
  return { mount, parent, refresh, wake };
}

const ours = await measure('ours');
const baseline = await measure('baseline');
const perChange = (p: Phase) => (p.statesPublished === 0 ? 0 : p.rendersPerConsumer / p.statesPublished);

const checks: Check[] = [
  { name: `consumer renders on ${parentRerenders} unrelated parent re-renders (inline props)`, target: '0', actual: String(ours.parent.rendersPerConsumer), met: ours.parent.rendersPerConsumer === 0, hard: true },
  { name: `consumer renders on ${wakeEvents} focus + visibilitychange events while fresh`, target: '0', actual: String(ours.wake.rendersPerConsumer), met: ours.wake.rendersPerConsumer === 0, hard: true },
  {
    name: `consumer renders per published state over ${refreshes} refreshes`,
    // TanStack batches notifications a macrotask late: an in-process endpoint answers before that,
    // so `refreshing` and `ready` may reach consumers as one change (1 or 2 changes per refresh).
    target: '1 per change (1 to 2 changes per refresh: refreshing, ready)',
    actual: `${ours.refresh.rendersPerConsumer} renders / ${ours.refresh.statesPublished} states`,
    met:
      ours.refresh.rendersPerConsumer === ours.refresh.statesPublished &&
      ours.refresh.statesPublished >= refreshes &&
      ours.refresh.statesPublished <= 2 * refreshes,
    hard: true,
  },
  {
    name: `renders of a consumer that reads only the secret over ${refreshes} refreshes`,
    target: `1 per rotation (${refreshes})`,
    actual: `${ours.refresh.secretOnlyRenders} (baseline ${baseline.refresh.secretOnlyRenders})`,
    met: ours.refresh.secretOnlyRenders === refreshes,
    hard: true,
  },
  { name: 'consumer renders from mount to ready', target: '2 (pending, ready)', actual: String(ours.mount.rendersPerConsumer), met: ours.mount.rendersPerConsumer === 2 },
];

finishSection('renders', {
  title: `Renders: per consumer (${consumerCount} consumers, React Profiler); baseline: useQuery result in an inline context value`,
  columns: ['scenario', 'ours renders', 'ours states', 'ours renders/change', 'ours secret-only renders', 'baseline renders', 'baseline secret-only', 'ratio ours/baseline'],
  rows: (
    [
      ['mount → ready', ours.mount, baseline.mount],
      [`${parentRerenders} unrelated parent re-renders`, ours.parent, baseline.parent],
      [`${refreshes} refreshes`, ours.refresh, baseline.refresh],
      [`${wakeEvents} focus/visibility events`, ours.wake, baseline.wake],
    ] as const
  ).map(([label, o, b]) => [label, o.rendersPerConsumer, o.statesPublished, round(perChange(o)), o.secretOnlyRenders, b.rendersPerConsumer, b.secretOnlyRenders, b.rendersPerConsumer === 0 ? '-' : round(o.rendersPerConsumer / b.rendersPerConsumer)]),
  checks,
  data: { consumers: consumerCount, parentRerenders, refreshes, wakeEvents, ours, baseline, requests: endpoint.requestsTo(url) },
});
process.exit(0);
