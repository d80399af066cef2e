// Rate limit under abuse: 1000 requests from one abusive customer (50 in flight) while 20 honest
// customers ask 5 times each, on loopback through the official SDK to the emulator on a socket.
// The baseline is the same load with `rateLimit: false`, in the same run. The default limit is 360
// sessions per customer per 60 s (sized for honest storefront browsing, issue 17).
import { runAbuseLoad, type AbuseLoadResult } from './lib/abuseLoad';
import { loadNode, loadServer, loadTesting } from './lib/dist';
import { finishSection, median, round } from './lib/report';

const server = await loadServer();
const node = await loadNode();
const testing = await loadTesting();

// Warm-up (JIT, sockets), then limited and unlimited interleaved so machine load hits both alike.
await runAbuseLoad({ server, node, testing, rateLimit: false, abusiveRequests: 100, honestRequestsEach: 1 });
const runs: Record<'limited' | 'unlimited', AbuseLoadResult[]> = { limited: [], unlimited: [] };
const abusiveRequests = 1000;
const bound = 360; // the default, in sessions per customer per window
for (let round = 0; round < 3; round++) {
  const order = round % 2 === 0 ? (['limited', 'unlimited'] as const) : (['unlimited', 'limited'] as const);
  for (const side of order) runs[side].push(await runAbuseLoad({ server, node, testing, abusiveRequests, ...(side === 'unlimited' ? { rateLimit: false } : {}) }));
}

// Cost of the check itself on the happy path: in-process handler calls (emulator client, no sockets),
// in-memory limiter that never refuses vs rateLimit: false, interleaved rounds.
async function handlerCallsPerSecond(rateLimit: false | { points: number; durationSeconds: number }, ms: number): Promise<number> {
  const emulator = testing.createStripeEmulator();
  const customer = emulator.createCustomer().id;
  const handler = server.createCustomerSessionHandler({ stripe: testing.createEmulatorStripeClient(emulator), resolveCustomer: () => customer, components: { pricing_table: { enabled: true } }, rateLimit, stripeBudget: false });
  const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' };
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    const response = await handler(new Request('http://shop.test/api/customer-session', init));
    if (response.status !== 200) throw new Error(`handler answered ${response.status}`);
    await response.arrayBuffer();
    calls += 1;
  }
  return (calls / (performance.now() - start)) * 1000;
}
const overhead = { limited: [] as number[], unlimited: [] as number[] };
await handlerCallsPerSecond(false, 300);
for (let r = 0; r < 6; r++) {
  for (const side of r % 2 === 0 ? (['limited', 'unlimited'] as const) : (['unlimited', 'limited'] as const)) {
    overhead[side].push(await handlerCallsPerSecond(side === 'limited' ? { points: 1e9, durationSeconds: 60 } : false, 400));
  }
}
const callsLimited = median(overhead.limited);
const callsUnlimited = median(overhead.unlimited);

// The run whose honest p99 is the median of its side: one real run per column, not a blend.
const pick = (list: AbuseLoadResult[]) => [...list].sort((a, b) => a.honest.p99Ms - b.honest.p99Ms)[1] as AbuseLoadResult;
const limited = pick(runs.limited);
const unlimited = pick(runs.unlimited);
const ms = (value: number) => `${round(value, 1)} ms`;
const pct = (value: number) => `${round(value * 100, 1)} %`;
const worst = {
  sessions: Math.max(...runs.limited.map((r) => r.abusive.sessionsCreated)),
  honestRate: Math.min(...runs.limited.map((r) => r.honest.successRate)),
  hung: runs.limited.reduce((sum, r) => sum + r.abusive.hung + r.honest.hung, 0),
};

finishSection('ratelimit', {
  title: 'Rate limit: 1000 abusive + 100 honest requests, handler → SDK → emulator on loopback (median run of 3 per side)',
  columns: ['measure', 'default limit', 'rateLimit: false', 'ratio'],
  rows: [
    ['abusive requests', limited.abusive.requests, unlimited.abusive.requests, '-'],
    ['abusive 429s', limited.abusive.tooMany, unlimited.abusive.tooMany, '-'],
    ['sessions created for the abuser (Stripe calls)', limited.abusive.sessionsCreated, unlimited.abusive.sessionsCreated, round(limited.abusive.sessionsCreated / unlimited.abusive.sessionsCreated, 3)],
    ['abusive latency p50 / p99', `${ms(limited.abusive.p50Ms)} / ${ms(limited.abusive.p99Ms)}`, `${ms(unlimited.abusive.p50Ms)} / ${ms(unlimited.abusive.p99Ms)}`, round(limited.abusive.p50Ms / unlimited.abusive.p50Ms, 3)],
    ['honest success rate', pct(limited.honest.successRate), pct(unlimited.honest.successRate), '-'],
    ['honest latency p50 / p99', `${ms(limited.honest.p50Ms)} / ${ms(limited.honest.p99Ms)}`, `${ms(unlimited.honest.p50Ms)} / ${ms(unlimited.honest.p99Ms)}`, round(limited.honest.p99Ms / unlimited.honest.p99Ms, 3)],
    ['hung requests', limited.abusive.hung + limited.honest.hung, unlimited.abusive.hung + unlimited.honest.hung, '-'],
    ['whole run', ms(limited.durationMs), ms(unlimited.durationMs), round(limited.durationMs / unlimited.durationMs, 3)],
    ['in-process handler calls/s, limiter never refusing (median of 6 rounds)', Math.round(callsLimited), Math.round(callsUnlimited), round(callsLimited / callsUnlimited, 3)],
  ],
  checks: [
    { name: 'sessions for the abuser within the window (every run)', target: `<= ${bound}`, actual: String(worst.sessions), met: worst.sessions <= bound, hard: true },
    { name: 'honest requests answered 200 (every run)', target: '100 %', actual: pct(worst.honestRate), met: worst.honestRate === 1, hard: true },
    { name: 'requests with no answer within 10 s (every run)', target: '0', actual: String(worst.hung), met: worst.hung === 0, hard: true },
  ],
  data: { handlerCallsPerSecond: { limited: overhead.limited.map(Math.round), unlimited: overhead.unlimited.map(Math.round) }, runs: Object.fromEntries(Object.entries(runs).map(([side, list]) => [side, list.map(({ retryAfterSeconds: _hints, ...summary }) => summary)])) },
});
process.exit(0);
