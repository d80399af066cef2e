// A crowd arriving at once: `customers` distinct signed-in customers arrive within one second at two
// handler instances (separate memory, separate Redis connections) sharing one Stripe account on the
// emulator, which enforces Stripe's rate limit. Meanwhile the shop makes its other Stripe calls (a
// PaymentMethod list, standing in for payments) at a steady rate through the same account. Each
// customer's browser behaves as the real client does: on a 429 or 5xx it waits out Retry-After (up to
// 60 s; longer is not retried) or 1 s, 2 s, 4 s, at most 3 retries.
//
// Virtual time: a discrete-event loop runs every arrival, retry and call in time order on a simulated
// clock, which the emulator's rate limit and the budget's windows follow. Redis holds the budget's
// count, atomically for both instances; the bench picks the key of each simulated second, because
// Redis's own expiry runs in real time. So the results do not depend on how busy the machine is,
// and 5,000 customers take seconds, not minutes.
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type * as Server from '../../src/server/index';
import type * as Testing from '../../src/testing/index';
import { median } from './report';

export interface BudgetLoadOptions {
  server: Pick<typeof Server, 'createCustomerSessionHandler'>;
  testing: Pick<typeof Testing, 'createStripeEmulator' | 'createEmulatorStripeClient'>;
  /** Two connections to one Redis, one per instance. */
  redis: [Redis, Redis];
  customers: number;
  /** Sessions per second for the shop, in Redis; `false`: today's behaviour, no budget. */
  budget: number | false;
  /** Stripe's limit for the account (test mode: 25). */
  stripePerSecond: number;
  /** The shop's other Stripe calls per second. */
  otherCallsPerSecond: number;
  /** A customer counts as served when the session arrives within this long of arriving. */
  withinMs: number;
  keyPrefix: string;
}

export interface BudgetLoadResult {
  customers: number;
  served: number;
  servedShare: number;
  /** Time to session of those served, ms. */
  medianMs: number;
  handlerRequests: number;
  sessionCalls: number;
  sessionCallsRefusedByStripe: number;
  /** The most session calls Stripe received in any 1 s (sliding), and the most it accepted. */
  peakSessionCallsPerSecond: number;
  peakSessionsCreatedPerSecond: number;
  otherCalls: number;
  otherCallsRefused: number;
  /** Simulated time of the run (arrivals plus withinMs), and the real time it took. */
  simulatedMs: number;
  realMs: number;
}

function peakPerSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= 1000) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

/** The budget in Redis, windowed by the simulated clock: one key per simulated second. */
function simulatedBudget(client: Redis, points: number, keyPrefix: string, now: () => number) {
  const limiter = new RateLimiterRedis({ storeClient: client, points, duration: 60, keyPrefix });
  const inSimulatedTime = (res: RateLimiterRes) => new RateLimiterRes(res.remainingPoints, 1000 - (now() % 1000), res.consumedPoints, res.isFirstInDuration);
  return {
    points,
    duration: 1,
    consume: (key: string, count?: number) =>
      limiter.consume(`${key}:${Math.floor(now() / 1000)}`, count).then(inSimulatedTime, (reason: unknown) => {
        throw reason instanceof RateLimiterRes ? inSimulatedTime(reason) : reason;
      }),
  };
}

export async function runBudgetLoad(options: BudgetLoadOptions): Promise<BudgetLoadResult> {
  const { server, testing, customers, budget, withinMs } = options;
  let now = 0;
  const clock = () => now;
  const emulator = testing.createStripeEmulator({ rateLimit: { perSecond: options.stripePerSecond }, now: () => 1_800_000_000_000 + now });
  const sessionCalls: Array<{ t: number; status: number }> = [];
  const recorded: typeof emulator = Object.create(emulator, {
    handle: {
      value: async (request: Request) => {
        const response = await emulator.handle(request);
        if (new URL(request.url).pathname === '/v1/customer_sessions') sessionCalls.push({ t: now, status: response.status });
        return response;
      },
    },
  });
  const stripe = testing.createEmulatorStripeClient(recorded);
  const instances = options.redis.map((client) =>
    server.createCustomerSessionHandler({
      stripe,
      components: { pricing_table: { enabled: true } },
      resolveCustomer: (request) => request.headers.get('x-customer'),
      stripeBudget: budget === false ? false : simulatedBudget(client, budget, options.keyPrefix, clock),
      onError: () => {},
    }),
  );
  const ids = Array.from({ length: customers }, () => emulator.createCustomer().id);
  const shopCustomer = emulator.createCustomer().id;

  // The event queue, in time order (ties in the order they were queued).
  const queue: Array<{ t: number; run: () => Promise<void> }> = [];
  const at = (t: number, run: () => Promise<void>) => {
    let i = queue.length;
    while (i > 0 && (queue[i - 1] as { t: number }).t > t) i--;
    queue.splice(i, 0, { t, run });
  };

  let handlerRequests = 0;
  const served: number[] = [];
  const ask = (index: number, arrival: number, failures: number) => async () => {
    handlerRequests++;
    const handler = instances[index % 2] as (request: Request) => Promise<Response>;
    const response = await handler(
      new Request('http://shop.test/api/customer-session', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Customer': ids[index] as string }, body: '{}' }),
    );
    await response.arrayBuffer();
    if (response.ok) {
      if (now - arrival <= withinMs) served.push(now - arrival);
      return;
    }
    const hint = Number(response.headers.get('retry-after'));
    if (failures >= 3 || hint > 60) return;
    const waitMs = Number.isFinite(hint) && hint > 0 ? hint * 1000 : 1000 * 2 ** failures;
    // Past the mark the customer no longer counts: stop simulating them.
    if (now + waitMs - arrival <= withinMs) at(now + waitMs, ask(index, arrival, failures + 1));
  };
  for (let i = 0; i < customers; i++) {
    const arrival = (i * 1000) / customers;
    at(arrival, ask(i, arrival, 0));
  }

  let otherCalls = 0;
  let otherCallsRefused = 0;
  const every = 1000 / options.otherCallsPerSecond;
  const other = async () => {
    otherCalls++;
    await stripe.customers.listPaymentMethods(shopCustomer).catch((error: { statusCode?: number }) => {
      if (error.statusCode === 429) otherCallsRefused++;
    });
    // The shop keeps paying for as long as a customer can still count: arrivals plus withinMs.
    if (now + every <= 1000 + withinMs) at(now + every, other);
  };
  at(0, other);

  const started = performance.now();
  let simulatedMs = 0;
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    now = next.t;
    await next.run();
    simulatedMs = now;
  }
  return {
    customers,
    served: served.length,
    servedShare: served.length / customers,
    medianMs: served.length ? median(served) : NaN,
    handlerRequests,
    sessionCalls: sessionCalls.length,
    sessionCallsRefusedByStripe: sessionCalls.filter((c) => c.status === 429).length,
    peakSessionCallsPerSecond: peakPerSecond(sessionCalls.map((c) => c.t)),
    peakSessionsCreatedPerSecond: peakPerSecond(sessionCalls.filter((c) => c.status === 200).map((c) => c.t)),
    otherCalls,
    otherCallsRefused,
    simulatedMs,
    realMs: performance.now() - started,
  };
}
