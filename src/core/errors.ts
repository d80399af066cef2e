import type { StripeErrorObject } from './types';

// Production builds (bundlers replace process.env.NODE_ENV) keep messages to the kind's essentials:
// the status, the offending field. Development messages explain. The check is written out at each
// use, as React does: a shared `dev` constant is not folded across modules by Bun (nor by esbuild
// once Vite's output makes it a `var`), which then ship every development message.

/**
 * What went wrong with a session request:
 * `network` the endpoint could not be reached, did not answer within 30 s, or a function endpoint threw ·
 * `http` it answered a non-2xx status (`status`, and `stripeError` when the body is a Stripe error) ·
 * `invalid_response` it answered something that is not a Customer Session ·
 * `expired` the session had already expired by the local clock when it arrived ·
 * `aborted` the request was cancelled (the last user unmounted, or your `requestInit.signal` fired).
 */
export type CustomerSessionErrorKind = 'network' | 'http' | 'invalid_response' | 'expired' | 'aborted';

export interface CustomerSessionErrorOptions {
  status?: number;
  stripeError?: StripeErrorObject;
  cause?: unknown;
}

/**
 * Every failure the client reports is one of these. `kind` says what went wrong,
 * `status` and `stripeError` carry the endpoint's answer when there was one.
 * Messages never contain the client secret.
 */
export class CustomerSessionError extends Error {
  /** Always `'CustomerSessionError'`. */
  override readonly name = 'CustomerSessionError';
  /** What went wrong: `network`, `http`, `invalid_response`, `expired` or `aborted` (see `CustomerSessionErrorKind`). */
  declare readonly kind: CustomerSessionErrorKind;
  /** The endpoint's HTTP status, for kind `http` (401 or 403: nobody is signed in). */
  declare readonly status?: number;
  /** The endpoint's Stripe-shaped error body (`type`, `code`, `param`, `message`), when it answered one. */
  declare readonly stripeError?: { type: string; code?: string; param?: string; message: string };

  constructor(kind: CustomerSessionErrorKind, message: string, options: CustomerSessionErrorOptions = {}) {
    // Error reads only `cause`, and only when present.
    super(message, options);
    this.kind = kind;
    // Absent fields stay absent (not `undefined` properties).
    if (options.status !== undefined) this.status = options.status;
    if (options.stripeError) this.stripeError = options.stripeError;
  }
}

/** Whether `value` is a `CustomerSessionError`, the one error type the client reports. */
export function isCustomerSessionError(value: unknown): value is CustomerSessionError {
  return value instanceof CustomerSessionError;
}

/**
 * A 401 or 403 from the endpoint (or thrown by a function endpoint as a `CustomerSessionError` with
 * that `status`): nobody is signed in, so a shown secret is dropped at once, as on sign-out. Never
 * retried. A 5xx, 408, 429 or network failure is no sign-out: the shown secret stays while valid.
 */
export const isSignedOutError = (error: unknown): boolean => error instanceof CustomerSessionError && (error.status === 401 || error.status === 403);

/**
 * Turns whatever a session request threw into a `CustomerSessionError`: when `signal` fired, its
 * reason if that is one (a timeout) or else `aborted`; the error itself when it already is one;
 * otherwise `network` (the endpoint could not be reached, or a function endpoint threw).
 */
export function asCustomerSessionError(error: unknown, signal?: AbortSignal): CustomerSessionError {
  if (signal?.aborted && signal.reason instanceof CustomerSessionError) return signal.reason;
  if (signal?.aborted) return new CustomerSessionError('aborted', process.env.NODE_ENV !== 'production' ? 'Customer Session request aborted.' : 'aborted', { cause: error });
  if (error instanceof CustomerSessionError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new CustomerSessionError('network', process.env.NODE_ENV !== 'production' ? `Customer Session endpoint unreachable: ${reason}` : reason, { cause: error });
}

/**
 * Whether `error` is Stripe's `customer_session_expired`: what Stripe answers when a payment or setup
 * is confirmed with a Customer Session whose secret has expired. Accepts the `error` of a Stripe.js
 * result (`const { error } = await stripe.confirmPayment(…)`), a thrown Stripe SDK error (`code`), a
 * Stripe error body (`{ error: { code } }`) or a `CustomerSessionError` carrying one. Recover with
 * `refresh()`, then confirm again once the new secret has reached Elements.
 */
export function isCustomerSessionExpiredError(error: unknown): boolean {
  // Optional chaining reads `code` of anything but null and undefined (a primitive has none).
  type Coded = { code?: unknown } | null | undefined;
  const value = error as (Coded & { error?: Coded; stripeError?: Coded; raw?: Coded }) | null | undefined;
  return [value, value?.error, value?.stripeError, value?.raw].some((each) => each?.code === 'customer_session_expired');
}
