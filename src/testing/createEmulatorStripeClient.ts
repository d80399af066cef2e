import type { CustomerSession, CustomerSessionCreateParams, StripeErrorObject } from '../core/types';
import { encodeStripeForm } from '../params/form';
import { EmulatorStripeError } from './emulator/EmulatorStripeError';
import type { EmulatorCustomer, EmulatorCustomerFields, StripeEmulator } from './emulator/types';

/** Per-request options, named as in the official SDK. */
export interface EmulatorRequestOptions {
  idempotencyKey?: string;
}

/** The slice of `new Stripe(key)` this package uses, served in-process by an emulator. */
export interface EmulatorStripeClient {
  customers: {
    create(params?: EmulatorCustomerFields, options?: EmulatorRequestOptions): Promise<EmulatorCustomer>;
  };
  customerSessions: {
    create(params: CustomerSessionCreateParams, options?: EmulatorRequestOptions): Promise<CustomerSession>;
  };
}

export interface EmulatorStripeClientOptions {
  /** Secret key sent as `Authorization: Bearer …`. Defaults to `sk_test_emulator`. */
  apiKey?: string;
}

/**
 * A stand-in for `new Stripe(secretKey)` that form-encodes each call and hands it to `emulator.handle`
 * in-process: no network, safe in a browser (Storybook, MSW). Stripe error bodies are thrown as
 * `EmulatorStripeError`, which carries the same fields as the SDK's `StripeError`.
 */
export function createEmulatorStripeClient(
  emulator: Pick<StripeEmulator, 'handle'>,
  { apiKey = 'sk_test_emulator' }: EmulatorStripeClientOptions = {},
): EmulatorStripeClient {
  async function post<T>(path: string, params: object, options: EmulatorRequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${apiKey}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    };
    if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
    const response = await emulator.handle(
      new Request(`https://api.stripe.com${path}`, { method: 'POST', headers, body: encodeStripeForm(params) }),
    );
    const body = (await response.json()) as T | { error: StripeErrorObject };
    if (response.ok) return body as T;
    const { error } = body as { error: StripeErrorObject };
    throw new EmulatorStripeError({
      ...error,
      statusCode: response.status,
      requestId: response.headers.get('request-id') ?? undefined,
      headers: Object.fromEntries(response.headers),
    });
  }

  return {
    customers: { create: (params = {}, options) => post('/v1/customers', params, options) },
    customerSessions: { create: (params, options) => post('/v1/customer_sessions', params, options) },
  };
}
