// The Stripe budget under a crowd: 200, 1,000 and 5,000 customers arrive within a second at two
// instances sharing one RateLimiterRedis budget (10 sessions/s, the default figure), with the emulator
// enforcing Stripe's test-mode limit (25 requests/s for the account) and the shop making 5 other Stripe
// calls a second. The baseline is today's behaviour in the same run: no budget. Simulated time (see
// lib/budgetLoad.ts): the numbers do not depend on the machine's load.
import { Redis } from 'ioredis';
import { startRedis } from '../test/helpers/redisServer';
import { loadServer, loadTesting } from './lib/dist';
import { runBudgetLoad, type BudgetLoadResult } from './lib/budgetLoad';
import { finishSection, round } from './lib/report';

const server = await loadServer();
const testing = await loadTesting();
const redisServer = await startRedis();
const redis = [0, 1].map(() => new Redis(redisServer.url)) as [Redis, Redis];
const budget = 10;
const stripePerSecond = 25;
const otherCallsPerSecond = 5;
const withinMs = 5000;

const sizes = [200, 1000, 5000];
const runs: Array<{ size: number; budget: BudgetLoadResult; none: BudgetLoadResult }> = [];
try {
  // Warm-up (JIT), not reported.
  await runBudgetLoad({ server, testing, redis, customers: 50, budget, stripePerSecond, otherCallsPerSecond, withinMs: 1000, keyPrefix: 'warm' });
  for (const size of sizes) {
    const budgeted = await runBudgetLoad({ server, testing, redis, customers: size, budget, stripePerSecond, otherCallsPerSecond, withinMs, keyPrefix: `budget-${size}` });
    const none = await runBudgetLoad({ server, testing, redis, customers: size, budget: false, stripePerSecond, otherCallsPerSecond, withinMs, keyPrefix: `none-${size}` });
    runs.push({ size, budget: budgeted, none });
  }
} finally {
  for (const client of redis) client.disconnect();
  await redisServer.stop();
}

const pct = (value: number) => `${round(value * 100, 1)} %`;
const both = (pick: (r: BudgetLoadResult) => string | number) => runs.flatMap((run) => [pick(run.budget), pick(run.none)]);
const columns = ['measure', ...runs.flatMap(({ size }) => [`${size}: budget ${budget}/s`, `${size}: none`])];
const rows = [
  ['peak Stripe session calls in any 1 s (sliding)', ...both((r) => r.peakSessionCallsPerSecond)],
  ['peak sessions Stripe created in any 1 s', ...both((r) => r.peakSessionsCreatedPerSecond)],
  ['session calls Stripe refused (429)', ...both((r) => r.sessionCallsRefusedByStripe)],
  ['customers with their session within 5 s', ...both((r) => `${r.served} (${pct(r.servedShare)})`)],
  ['median time to session of those (ms)', ...both((r) => Math.round(r.medianMs))],
  ["shop's other Stripe calls refused (of made)", ...both((r) => `${r.otherCallsRefused} of ${r.otherCalls}`)],
  ['handler requests (first asks and retries)', ...both((r) => r.handlerRequests)],
  ['simulated / real time of the run (s)', ...both((r) => `${round(r.simulatedMs / 1000, 1)} / ${round(r.realMs / 1000, 1)}`)],
];

const worstPeak = Math.max(...runs.map((r) => r.budget.peakSessionCallsPerSecond));
const refusedWithBudget = runs.reduce((sum, r) => sum + r.budget.otherCallsRefused + r.budget.sessionCallsRefusedByStripe, 0);
const refusedWithout = runs.reduce((sum, r) => sum + r.none.otherCallsRefused, 0);
finishSection('budget', {
  title: `Stripe budget: a crowd within 1 s at two instances sharing a Redis budget of ${budget}/s; emulator at Stripe's test-mode ${stripePerSecond}/s; ${otherCallsPerSecond} other calls/s`,
  columns,
  rows,
  checks: [
    { name: 'peak Stripe session calls in any 1 s (sliding), with the budget (every size)', target: `<= ${budget}`, actual: String(worstPeak), met: worstPeak <= budget, hard: true },
    { name: "the shop's other Stripe calls (and sessions) Stripe refused, with the budget", target: '0', actual: String(refusedWithBudget), met: refusedWithBudget === 0, hard: true },
    { name: "the shop's other Stripe calls Stripe refused without the budget (baseline)", target: '> 0 (the problem)', actual: String(refusedWithout), met: refusedWithout > 0 },
  ],
  data: { budget, stripePerSecond, otherCallsPerSecond, withinMs, runs },
});
process.exit(0);
