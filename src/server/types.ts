import type { ComponentName } from '../core/componentNames';
import type { CustomerSessionComponentsParams, CustomerSessionCreateParams } from '../core/types';

/**
 * The part of a Stripe client the handler uses. A `new Stripe(secretKey)` instance from the
 * official `stripe` package fits, as does `createEmulatorStripeClient()` from `./testing`.
 */
export interface CustomerSessionStripeClient {
  customerSessions: {
    create(params: CustomerSessionCreateParams): Promise<{ client_secret: string; expires_at: number }>;
  };
}

/**
 * Who the session acts for, as decided by the app's own auth. A plain string is a Customer ID
 * (`cus_…`). `null` (or `undefined`) means nobody is signed in: the handler answers 401.
 */
export type ResolvedCustomer = { customer: string } | { customer_account: string } | string | null | undefined;

export interface CustomerSessionHandlerOptions {
  /** A Stripe client holding the secret key; it never leaves the server. */
  stripe: CustomerSessionStripeClient;
  /** Reads the signed-in user from the request (cookie, session, token) and returns their customer. */
  resolveCustomer: (request: Request) => ResolvedCustomer | Promise<ResolvedCustomer>;
  /**
   * The policy: every component a session may enable, with its features. Validated once, when the
   * handler is created. A request may only ask for a subset of these components.
   */
  components: CustomerSessionComponentsParams;
  /** Largest accepted request body in bytes; larger ones get 413. Default 16384. */
  maxBodyBytes?: number;
  /**
   * Called with every error thrown by `resolveCustomer` or the Stripe client, before
   * the response is sent: the place to log. The response itself never carries more than
   * Stripe's public fields.
   */
  onError?: (error: unknown, request: Request) => void;
}

export interface CreateCustomerSessionOptions {
  /** A Stripe client holding the secret key; it never leaves the server. */
  stripe: CustomerSessionStripeClient;
  /** The signed-in customer, as `resolveCustomer` would return it: a Customer ID, `{ customer }` or `{ customer_account }`. */
  customer: Exclude<ResolvedCustomer, null | undefined>;
  /** The policy, exactly as `createCustomerSessionHandler` takes it (and validated the same way). */
  components: CustomerSessionComponentsParams;
  /** A subset of the policy's components, as the browser's request body narrows the handler's policy. */
  narrow?: readonly ComponentName[];
}

/** A Fetch API route handler: `export const POST = handler` in a Next.js App Router route. */
export type CustomerSessionHandler = (request: Request) => Promise<Response>;
