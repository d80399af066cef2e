import type { CustomerSession } from '../../core/types';
import type { EmulatorRateLimit } from './rateLimit';
import type { EmulatorClock, EmulatorCustomer, EmulatorPaymentMethod, EmulatorRequestRecord } from './types';

/** A response kept for `Idempotency-Key` replays. */
export interface StoredResult {
  path: string;
  fingerprint: string;
  status: number;
  body: string;
  requestId: string;
}

/** Everything one emulator instance remembers. */
export interface EmulatorState {
  clock: EmulatorClock;
  sessionTtlSeconds: number;
  sessionComponents: 'always' | 'when-expanded';
  customers: Map<string, EmulatorCustomer>;
  /** In creation order: lists read it newest first, as Stripe's do. */
  paymentMethods: Map<string, EmulatorPaymentMethod>;
  /** The Customer made for each Account id a session named, so its sessions share one `customer`. */
  accountCustomers: Map<string, string>;
  idempotency: Map<string, StoredResult>;
  /** Every Customer Session created, by client secret: what Stripe.js and the web components look up. */
  sessions: Map<string, CustomerSession>;
  requests: EmulatorRequestRecord[];
  /** Stripe's account rate limit, when asked for (`rateLimit`). */
  rateLimit: EmulatorRateLimit | null;
}

/** What a route answers: an HTTP status and a JSON-serialisable body. */
export interface RouteResult {
  status: number;
  body: unknown;
}
