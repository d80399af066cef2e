import { CustomerSessionError } from './CustomerSessionError';

/**
 * Turns whatever a session request threw into a `CustomerSessionError`: when `signal` fired, its
 * reason if that is one (a timeout) or else `aborted`; the error itself when it already is one;
 * otherwise `network` (the endpoint could not be reached, or a function endpoint threw).
 */
export function asCustomerSessionError(error: unknown, signal?: AbortSignal): CustomerSessionError {
  if (signal?.aborted && signal.reason instanceof CustomerSessionError) return signal.reason;
  if (signal?.aborted) return new CustomerSessionError('aborted', 'Customer Session request aborted.', { cause: error });
  if (error instanceof CustomerSessionError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new CustomerSessionError('network', `Customer Session endpoint unreachable: ${reason}`, { cause: error });
}
