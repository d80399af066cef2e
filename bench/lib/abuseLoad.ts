// One abusive customer against the session endpoint, with honest customers shopping meanwhile, on
// loopback: fetch → node:http + toNodeListener → createCustomerSessionHandler → the official SDK →
// the emulator on a socket. Shared by the load test (src) and `npm run bench` (dist), which pass in
// the package's functions.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import type * as Node from '../../src/node/index';
import type * as Server from '../../src/server/index';
import type * as Testing from '../../src/testing/index';
import { quantile } from './report';

export interface AbuseLoadOptions {
  server: Pick<typeof Server, 'createCustomerSessionHandler'>;
  node: Pick<typeof Node, 'toNodeListener'>;
  testing: Pick<typeof Testing, 'createStripeEmulator' | 'listen'>;
  rateLimit?: Server.CustomerSessionHandlerOptions['rateLimit'];
  abusiveRequests?: number;
  /** How many of the abuser's requests are in flight at once. */
  abusiveConcurrency?: number;
  honestCustomers?: number;
  /** Requests per honest customer, spread evenly over the abuse (paced by its progress, not by timers). */
  honestRequestsEach?: number;
  /** A request with no answer by then counts as hung. */
  requestTimeoutMs?: number;
}

interface Outcome {
  status: number | 'hung' | 'failed';
  ms: number;
}

export interface AbuseLoadResult {
  abusive: { requests: number; ok: number; tooMany: number; hung: number;
    /** Answers other than 200 and 429 (statuses, 'hung', 'failed'), by count: none expected. */
    other: Record<string, number>; sessionsCreated: number; p50Ms: number; p99Ms: number };
  honest: { requests: number; ok: number; hung: number; other: Record<string, number>; successRate: number; p50Ms: number; p99Ms: number };
  retryAfterSeconds: number[];
  durationMs: number;
}

function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status } of outcomes) counts[String(status)] = (counts[String(status)] ?? 0) + 1;
  return counts;
}

export async function runAbuseLoad(options: AbuseLoadOptions): Promise<AbuseLoadResult> {
  const { server: pkg, testing, abusiveRequests = 500, abusiveConcurrency = 50, honestCustomers = 20, honestRequestsEach = 5, requestTimeoutMs = 10_000 } = options;
  const emulator = testing.createStripeEmulator();
  const stripeServer = await testing.listen(emulator, { port: 0 });
  const stripe = new Stripe('sk_test_51AbuseLoadScenario0000', { host: '127.0.0.1', port: stripeServer.port, protocol: 'http', maxNetworkRetries: 0 });
  const abuser = emulator.createCustomer({ email: 'abuser@example.com' }).id;
  const honest = Array.from({ length: honestCustomers }, (_, i) => emulator.createCustomer({ email: `shopper${i}@example.com` }).id);
  const handler = pkg.createCustomerSessionHandler({
    stripe,
    // The app's auth: the cookie names the signed-in customer.
    resolveCustomer: (request) => /(?:^|;\s*)customer=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? null,
    components: { pricing_table: { enabled: true } },
    ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
    // The per-customer limit under abuse: the account budget has its own bench (budget.ts).
    stripeBudget: false,
    onError: () => {},
  });
  const app = createServer(options.node.toNodeListener(handler));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/customer-session`;
  const retryAfter: number[] = [];

  async function ask(customer: string): Promise<Outcome> {
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: `customer=${customer}` },
        body: '{"components":["pricing_table"]}',
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      await response.arrayBuffer();
      const hint = response.headers.get('retry-after');
      if (hint !== null) retryAfter.push(Number(hint));
      return { status: response.status, ms: performance.now() - started };
    } catch (error) {
      const hung = error instanceof Error && error.name === 'TimeoutError';
      return { status: hung ? 'hung' : 'failed', ms: performance.now() - started };
    }
  }

  const started = performance.now();
  const abusive: Outcome[] = [];
  const honestRuns: Promise<Outcome>[] = [];
  const roundEvery = Math.max(1, Math.floor(abusiveRequests / honestRequestsEach));
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: abusiveConcurrency }, async () => {
        while (next < abusiveRequests) {
          const index = next++;
          // Every honest customer asks once per `roundEvery` abusive requests: steady, alongside the abuse.
          if (index % roundEvery === 0 && honestRuns.length < honestCustomers * honestRequestsEach) {
            honestRuns.push(...honest.map((customer) => ask(customer)));
          }
          abusive.push(await ask(abuser));
        }
      }),
    );
    const honestOutcomes = await Promise.all(honestRuns);
    const durationMs = performance.now() - started;
    const count = (list: Outcome[], test: (o: Outcome) => boolean) => list.filter(test).length;
    const abuserSessions = emulator.requests.filter((r) => r.path === '/v1/customer_sessions' && r.params.customer === abuser).length;
    return {
      abusive: {
        requests: abusive.length,
        ok: count(abusive, (o) => o.status === 200),
        tooMany: count(abusive, (o) => o.status === 429),
        other: tally(abusive.filter((o) => o.status !== 200 && o.status !== 429)),
        hung: count(abusive, (o) => o.status === 'hung'),
        sessionsCreated: abuserSessions,
        p50Ms: quantile(abusive.map((o) => o.ms), 0.5),
        p99Ms: quantile(abusive.map((o) => o.ms), 0.99),
      },
      honest: {
        requests: honestOutcomes.length,
        ok: count(honestOutcomes, (o) => o.status === 200),
        hung: count(honestOutcomes, (o) => o.status === 'hung'),
        other: tally(honestOutcomes.filter((o) => o.status !== 200)),
        successRate: count(honestOutcomes, (o) => o.status === 200) / honestOutcomes.length,
        p50Ms: quantile(honestOutcomes.map((o) => o.ms), 0.5),
        p99Ms: quantile(honestOutcomes.map((o) => o.ms), 0.99),
      },
      retryAfterSeconds: [...new Set(retryAfter)].sort((a, b) => a - b),
      durationMs,
    };
  } finally {
    app.closeAllConnections();
    await new Promise((resolve) => app.close(resolve));
    await stripeServer.close();
  }
}
