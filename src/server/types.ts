import type { ComponentName } from '../core/componentNames';
import type { CustomerSession, CustomerSessionComponentsParams, CustomerSessionCreateParams } from '../core/types';
import type { RateLimitFailureMode, RateLimitOption, StripeBudgetOption } from './rateLimitTypes';

/**
 * The part of a Stripe client the handler uses. A `new Stripe(secretKey)` instance from the
 * official `stripe` package fits, as does `createEmulatorStripeClient()` from `./testing`.
 */
export interface CustomerSessionStripeClient {
  /** `stripe.customerSessions`: the one resource the handler calls. */
  customerSessions: {
    /** `options.timeout` (ms) is the SDK's per-request timeout; the handler passes `stripeTimeoutMs`. */
    create(params: CustomerSessionCreateParams, options?: { timeout?: number }): Promise<{ client_secret: string; expires_at: number }>;
  };
}

/**
 * Who the session acts for, as decided by the app's own auth. A plain string is a Customer ID
 * (`cus_…`). `null` (or `undefined`) means nobody is signed in: the handler answers 401.
 * Exactly one of `customer` / `customer_account` is this package's rule, not the API schema's:
 * the handler always sends the one returned here, so no session is created for nobody.
 */
export type ResolvedCustomer = { customer: string } | { customer_account: string } | string | null | undefined;

/** The rate-limit options `createCustomerSessionHandler` and `createCustomerSession` share. */
export interface CustomerSessionRateLimitOptions {
  /**
   * Sessions per customer, keyed by the `customer` or `customer_account` id the server resolved (never
   * a value from the browser), checked after authentication and before Stripe is called. Every Stripe
   * session counts one point: a batch of N (`{ "sessions": [...] }`, `createCustomerSessions`) spends N
   * at once, or is refused whole. Default: 360 per 60 seconds, in this process's memory (sized so that a
   * customer loading a 26-element page and scrolling it to the end ten times a minute is never refused).
   * Keep `points` at least `maxSessionsPerRequest` (32): a batch larger than the whole budget is never allowed. `false` turns it off; `{ points, durationSeconds }`
   * changes the numbers; or pass any limiter with `consume(key, points?)` that rejects with
   * `{ msBeforeNext }` when over the limit, such as a `rate-limiter-flexible` `RateLimiterRedis` that
   * every instance shares. In-memory limits with the same numbers share one budget per customer across
   * the handlers and `createCustomerSession` calls of a process; pass the same limiter object to both to
   * share a store-backed one.
   */
  rateLimit?: RateLimitOption;
  /**
   * Sessions per second for the whole shop, whoever asks: Stripe limits the account (about 100
   * operations per second live, 25 in test mode) and payments share it. Checked after the per-customer
   * limit; over it the answer is 429 (`CustomerSessionRateLimitError` with `scope: 'account'`) and Stripe
   * is not called. Default `{ sessionsPerSecond: 10 }`, in this process's memory (shared by every handler
   * and `createCustomerSession` call of the process). `false` turns it off; or pass any limiter with
   * `consume(key, points?)`, such as a `RateLimiterRedis` with `points: 10, duration: 1` that every
   * instance shares (it spends the one key `stripe-account`). A batch of N sessions spends N.
   */
  stripeBudget?: StripeBudgetOption;
  /**
   * When a limiter's store fails or does not answer within `rateLimitTimeoutMs`: `'allow'` (default)
   * falls back to an in-memory limit with the same numbers (the limiter's own `insuranceLimiter` when it
   * has one) and goes on (a rate limiter must not take checkout down with it, nor leave it unlimited);
   * `'deny'` refuses with 503 and `Retry-After`. Either way the failure is reported (`onError`, else
   * `console.error`). Applies to both `rateLimit` and `stripeBudget`.
   */
  rateLimitFailure?: RateLimitFailureMode;
  /** How long a limiter you pass may take before it counts as failed. Default 1000 ms (the built-in in-memory one answers at once). */
  rateLimitTimeoutMs?: number;
}

/** What `createCustomerSessionHandler` takes: the Stripe client, your auth, the policy, and the limits. */
export interface CustomerSessionHandlerOptions extends CustomerSessionRateLimitOptions {
  /** A Stripe client holding the secret key; it never leaves the server. */
  stripe: CustomerSessionStripeClient;
  /** Reads the signed-in user from the request (cookie, session, token) and returns their customer. */
  resolveCustomer: (request: Request) => ResolvedCustomer | Promise<ResolvedCustomer>;
  /**
   * The policy: every component a session may enable, with its features. Validated once, when the
   * handler is created. A request may only ask for a subset of these components: the body
   * `{ "components": [...] }` for one session (answered with the session), or
   * `{ "sessions": [[...], ...] }` for up to `maxSessionsPerRequest` (answered `{ "sessions": [...] }`).
   */
  components: CustomerSessionComponentsParams;
  /** Largest accepted request body in bytes; larger ones get 413. Default 16384. */
  maxBodyBytes?: number;
  /**
   * How long the body may take to arrive, in ms from when the handler starts reading it (after
   * `resolveCustomer`); a slower one gets 408 and, through `toNodeListener`, a closed connection. Default 10000.
   */
  bodyTimeoutMs?: number;
  /**
   * How long Stripe may take to create the session, in ms: passed to the SDK as its per-request `timeout`,
   * and the handler stops waiting after this long in all (SDK retries included), answering 504. Default
   * 20000, below the browser client's 30 s. The call is also abandoned when the browser goes away.
   */
  stripeTimeoutMs?: number;
  /**
   * Other origins whose pages may ask for a session, e.g. `['https://app.shop.example']`. By default only
   * pages of the request's own host may: a request whose `Sec-Fetch-Site` is neither `same-origin` nor
   * `none`, or whose `Origin` names another host, gets 403 before `resolveCustomer` runs. A request with
   * neither header (server to server) is let through.
   */
  allowedOrigins?: readonly string[];
  /**
   * Count `X-Forwarded-Host` as the request's host when checking `Origin`: set it only behind a proxy that
   * overwrites that header (as for `toNodeListener`'s option of the same name). Default false.
   */
  trustProxy?: boolean;
  /**
   * Called with every error thrown by `resolveCustomer`, the Stripe client or the rate limiter's
   * store (`RateLimiterUnavailableError`), before the response is sent: the place to log. The response itself never carries more than
   * Stripe's public fields. Not awaited; if it throws or (async) rejects, that is ignored.
   */
  onError?: (error: unknown, request: Request) => void | Promise<void>;
}

/** What `createCustomerSession` takes (server rendering): the Stripe client, the signed-in customer, the policy. */
export interface CreateCustomerSessionOptions extends CustomerSessionRateLimitOptions {
  /** A Stripe client holding the secret key; it never leaves the server. */
  stripe: CustomerSessionStripeClient;
  /** The signed-in customer, as `resolveCustomer` would return it: a Customer ID, `{ customer }` or `{ customer_account }`. */
  customer: Exclude<ResolvedCustomer, null | undefined>;
  /** The policy, exactly as `createCustomerSessionHandler` takes it (and validated the same way). */
  components: CustomerSessionComponentsParams;
  /** A subset of the policy's components, as the browser's request body narrows the handler's policy. */
  narrow?: readonly ComponentName[];
  /** Called with a rate limiter failure (`RateLimiterUnavailableError`); default `console.error`. Not awaited; a throw or rejection is ignored. */
  onError?: (error: unknown) => void | Promise<void>;
}

/** What `createCustomerSessions` takes: `createCustomerSession`'s options, with one `sessions` entry per session instead of `narrow`. */
export interface CreateCustomerSessionsOptions extends Omit<CreateCustomerSessionOptions, 'narrow'> {
  /**
   * One entry per session to create: each a subset of the policy's components, narrowing it as
   * `narrow` does (`[]`: the whole policy). One per customer-aware element the page renders, e.g.
   * `[['pricing_table'], ['buy_button'], ['buy_button']]`. At most `maxSessionsPerRequest` (32).
   */
  sessions: readonly (readonly ComponentName[])[];
}

/**
 * The handler's JSON request body: one session (`components`, optional, narrowing the policy) or a
 * batch (`sessions`, one entry per session, at most `maxSessionsPerRequest`), never both.
 */
export type CustomerSessionRequestBody =
  | {
      /** The components of the one session, a subset of the policy (absent: the whole policy). */
      components?: readonly ComponentName[];
      sessions?: never;
    }
  | {
      /** One component list per session, each a subset of the policy (`[]`: the whole policy). */
      sessions: readonly (readonly ComponentName[])[];
      components?: never;
    };

/** The handler's answer to a batch request: the sessions in the order asked for. */
export interface CustomerSessionBatchResponse {
  /** One Customer Session per entry of the request's `sessions`, in the same order. */
  sessions: CustomerSession[];
}

/** A Fetch API route handler: `export const POST = handler` in a Next.js App Router route. */
export type CustomerSessionHandler = (request: Request) => Promise<Response>;
