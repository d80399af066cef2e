import type { StripeErrorObject } from '../core/types';
import { EndpointError } from './EndpointError';
import { redactSecretKeys } from './redactSecretKeys';

interface Described {
  status: number;
  error: StripeErrorObject;
}

// The fields of a `StripeError` (official SDK) this module reads; `raw`, `headers` and the rest are never touched.
interface SdkErrorFields {
  type: string;
  rawType?: unknown;
  statusCode?: unknown;
  code?: unknown;
  param?: unknown;
  doc_url?: unknown;
  message: string;
}

// Every `StripeError` subclass sets its own `rawType` (even when undefined) and a string `type`.
function isSdkError(error: unknown): error is SdkErrorFields {
  return error instanceof Error && Object.hasOwn(error, 'rawType') && typeof (error as { type?: unknown }).type === 'string';
}

const unexpected: Described = {
  status: 500,
  error: { type: 'api_error', message: 'An unexpected error occurred while creating the Customer Session.' },
};

/**
 * Maps anything thrown while handling a request to a status and the public fields of a Stripe
 * error. SDK errors keep their `type`, `code`, `param`, `message` and `doc_url`, with anything
 * key-shaped redacted; other exceptions become a generic 500.
 */
export function describeThrownError(error: unknown): Described {
  if (error instanceof EndpointError) return { status: error.status, error: error.error };
  if (!isSdkError(error)) return unexpected;

  if (error.type === 'StripeConnectionError') {
    return { status: 502, error: { type: 'api_connection_error', message: 'The server could not reach Stripe.' } };
  }
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 502;
  if (status === 401 || status === 403) {
    // Stripe refused the server's own key: not the visitor's fault, and not theirs to see.
    return { status: 502, error: { type: 'api_error', message: 'Stripe did not accept the server\'s credentials.' } };
  }
  const described: StripeErrorObject = {
    type: typeof error.rawType === 'string' ? error.rawType : 'api_error',
    message: redactSecretKeys(error.message),
  };
  if (typeof error.code === 'string') described.code = error.code;
  if (typeof error.param === 'string') described.param = error.param;
  if (typeof error.doc_url === 'string') described.doc_url = error.doc_url;
  return { status, error: described };
}
