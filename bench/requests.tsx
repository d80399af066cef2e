// Requests: N consumers of one session → how many endpoint requests. Target: exactly 1 for any N,
// with or without StrictMode. Baseline: each consumer fetching in its own effect (N, or 2N in StrictMode).
import './lib/dom';
import { StrictMode, useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ComponentName } from '../src/index';
import { loadClient } from './lib/dist';
import { installBenchEndpoint } from './lib/endpoint';
import { finishSection, round, sleep, until, type Check } from './lib/report';

const { CustomerSessionProvider, useCustomerSession, useCustomerSessionContext } = await loadClient();
const endpoint = await installBenchEndpoint();
const components: ComponentName[] = ['payment_element', 'pricing_table'];
const sizes = [1, 10, 100, 1000];
const ready = new Set<number>();

function useReportReady(id: number, status: string): void {
  useEffect(() => {
    if (status === 'ready') ready.add(id);
  }, [id, status]);
}

function ContextConsumer({ id }: { id: number }): ReactElement {
  const { status } = useCustomerSessionContext();
  useReportReady(id, status);
  return <span>{status}</span>;
}

function HookConsumer({ id, url }: { id: number; url: string }): ReactElement {
  // A fresh components array every render, as apps write it.
  const { status } = useCustomerSession({ endpoint: url, components: [...components] });
  useReportReady(id, status);
  return <span>{status}</span>;
}

function NaiveConsumer({ id, url }: { id: number; url: string }): ReactElement {
  const [status, setStatus] = useState('pending');
  useEffect(() => {
    let live = true;
    void fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ components }) })
      .then((response) => response.json())
      .then(() => live && setStatus('ready'));
    return () => {
      live = false;
    };
  }, [url]);
  useReportReady(id, status);
  return <span>{status}</span>;
}

type Mode = 'provider' | 'hooks' | 'naive';

function tree(mode: Mode, n: number, url: string, strict: boolean): ReactNode {
  const ids = Array.from({ length: n }, (_, i) => i);
  let ui: ReactNode;
  if (mode === 'provider') {
    ui = (
      <CustomerSessionProvider endpoint={url} components={components}>
        {ids.map((id) => <ContextConsumer key={id} id={id} />)}
      </CustomerSessionProvider>
    );
  } else if (mode === 'hooks') {
    ui = ids.map((id) => <HookConsumer key={id} id={id} url={url} />);
  } else {
    ui = ids.map((id) => <NaiveConsumer key={id} id={id} url={url} />);
  }
  return strict ? <StrictMode>{ui}</StrictMode> : ui;
}

let run = 0;
async function countRequests(mode: Mode, n: number, strict: boolean): Promise<number> {
  // A path of its own per run, so no run reuses another's session.
  const url = `/api/customer-session/${mode}/${n}/${strict ? 'strict' : 'plain'}/${run++}`;
  ready.clear();
  const root = createRoot(document.createElement('div'));
  root.render(tree(mode, n, url, strict));
  await until(() => ready.size === n, `${n} ${mode} consumers to be ready`);
  await sleep(50); // anything late (a second request) would have started by now
  const count = endpoint.requestsTo(url);
  root.unmount();
  await sleep(5);
  return count;
}

const rows: Array<Array<string | number>> = [];
const data: Array<Record<string, number>> = [];
const checks: Check[] = [];
for (const n of sizes) {
  const result = {
    n,
    provider: await countRequests('provider', n, false),
    providerStrict: await countRequests('provider', n, true),
    hooks: await countRequests('hooks', n, false),
    hooksStrict: await countRequests('hooks', n, true),
    naive: await countRequests('naive', n, false),
    naiveStrict: await countRequests('naive', n, true),
  };
  data.push(result);
  rows.push([n, result.provider, result.providerStrict, result.hooks, result.hooksStrict, result.naive, result.naiveStrict, round(result.provider / result.naive, 4)]);
  const ours = [result.provider, result.providerStrict, result.hooks, result.hooksStrict];
  checks.push({ name: `requests for ${n} consumer(s), provider and hooks, with and without StrictMode`, target: '1 each', actual: ours.join(' / '), met: ours.every((c) => c === 1), hard: true });
}

finishSection('requests', {
  title: 'Requests: endpoint requests for N consumers (baseline: a fetch per consumer in useEffect)',
  columns: ['N', 'provider', 'provider+Strict', 'hooks', 'hooks+Strict', 'baseline', 'baseline+Strict', 'ratio ours/baseline'],
  rows,
  checks,
  data,
});
// Idle sessions keep a 30 s garbage-collection timer; nothing else is pending.
process.exit(0);
