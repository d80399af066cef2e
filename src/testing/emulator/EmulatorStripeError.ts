import type { StripeErrorObject } from '../../core/types';

/** The raw error as the official SDK keeps it: Stripe's `error` member plus transport details. */
export type EmulatorRawError = StripeErrorObject & { statusCode: number; requestId?: string; headers: Record<string, string> };

function sdkClassName(statusCode: number, rawType: string): string {
  if (statusCode === 429) return 'StripeRateLimitError';
  if (statusCode === 400 || statusCode === 404) {
    return rawType === 'idempotency_error' ? 'StripeIdempotencyError' : 'StripeInvalidRequestError';
  }
  if (statusCode === 401) return 'StripeAuthenticationError';
  if (statusCode === 402) return 'StripeCardError';
  if (statusCode === 403) return 'StripePermissionError';
  return 'StripeAPIError';
}

/**
 * Thrown by `createEmulatorStripeClient` for Stripe error bodies, with the fields of the official SDK's
 * `StripeError`: `type` is the SDK class name (`StripeInvalidRequestError`), `rawType` the wire type
 * (`invalid_request_error`), plus `code`, `param`, `doc_url`, `statusCode`, `requestId` and `raw`.
 */
export class EmulatorStripeError extends Error {
  readonly type: string;
  readonly rawType: string;
  readonly code?: string;
  readonly param?: string;
  readonly doc_url?: string;
  readonly statusCode: number;
  readonly requestId?: string;
  readonly headers: Record<string, string>;
  readonly raw: EmulatorRawError;

  constructor(raw: EmulatorRawError) {
    super(raw.message);
    this.type = sdkClassName(raw.statusCode, raw.type);
    this.name = this.type;
    this.rawType = raw.type;
    this.code = raw.code;
    this.param = raw.param;
    this.doc_url = raw.doc_url;
    this.statusCode = raw.statusCode;
    this.requestId = raw.requestId;
    this.headers = raw.headers;
    this.raw = raw;
  }
}
