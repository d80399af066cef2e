import type { AllowRedisplay, CustomerSession, CustomerSessionCreateParams, StripeErrorObject } from '../core/types';
import { encodeStripeForm } from '../params/form';
import { EmulatorStripeError } from './emulator/EmulatorStripeError';
import type { EmulatorCustomer, EmulatorCustomerFields, EmulatorList, EmulatorPaymentMethod, StripeEmulator } from './emulator/types';

/** Per-request options, named as in the official SDK. */
export interface EmulatorRequestOptions {
  idempotencyKey?: string;
  /** Accepted as the SDK's per-request timeout (ms); an in-process call has no network to wait on. */
  timeout?: number;
}

/** The slice of `new Stripe(key)` this package uses, served in-process by an emulator. */
/** Params of `paymentMethods.create`: a card from a test token (`{ token: 'tok_visa' }`) or a number. */
export interface EmulatorPaymentMethodCreateParams {
  type: 'card';
  card: { token: string } | { number: string; exp_month: number; exp_year: number; cvc?: string };
  allow_redisplay?: AllowRedisplay;
  billing_details?: { name?: string; email?: string; phone?: string };
}

/** Params of `customers.listPaymentMethods`, as in the SDK. */
export interface EmulatorListPaymentMethodsParams {
  type?: string;
  allow_redisplay?: AllowRedisplay;
  limit?: number;
  starting_after?: string;
  ending_before?: string;
}

/** What `createEmulatorStripeClient` returns: the part of `new Stripe(key)` the package and its tests use, answered by an emulator in process. */
export interface EmulatorStripeClient {
  customers: {
    create(params?: EmulatorCustomerFields, options?: EmulatorRequestOptions): Promise<EmulatorCustomer>;
    listPaymentMethods(customer: string, params?: EmulatorListPaymentMethodsParams): Promise<EmulatorList<EmulatorPaymentMethod>>;
  };
  paymentMethods: {
    create(params: EmulatorPaymentMethodCreateParams, options?: EmulatorRequestOptions): Promise<EmulatorPaymentMethod>;
    attach(id: string, params: { customer: string }, options?: EmulatorRequestOptions): Promise<EmulatorPaymentMethod>;
    detach(id: string, params?: object, options?: EmulatorRequestOptions): Promise<EmulatorPaymentMethod>;
  };
  customerSessions: {
    create(params: CustomerSessionCreateParams, options?: EmulatorRequestOptions): Promise<CustomerSession>;
  };
}

/** Options of `createEmulatorStripeClient`. */
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
  async function send<T>(method: 'GET' | 'POST', path: string, params: object, options: EmulatorRequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${apiKey}` };
    const form = encodeStripeForm(params);
    if (method === 'POST') headers['Content-Type'] = 'application/x-www-form-urlencoded';
    if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
    const url = `https://api.stripe.com${path}${method === 'GET' && form ? `?${form}` : ''}`;
    const response = await emulator.handle(new Request(url, { method, headers, body: method === 'POST' ? form : undefined }));
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

  const post = <T>(path: string, params: object, options?: EmulatorRequestOptions) => send<T>('POST', path, params, options);
  const id = (value: string) => encodeURIComponent(value);
  return {
    customers: {
      create: (params = {}, options) => post('/v1/customers', params, options),
      listPaymentMethods: (customer, params = {}) => send('GET', `/v1/customers/${id(customer)}/payment_methods`, params),
    },
    customerSessions: { create: (params, options) => post('/v1/customer_sessions', params, options) },
    paymentMethods: {
      create: (params, options) => post('/v1/payment_methods', params, options),
      attach: (pm, params, options) => post(`/v1/payment_methods/${id(pm)}/attach`, params, options),
      detach: (pm, params = {}, options) => post(`/v1/payment_methods/${id(pm)}/detach`, params, options),
    },
  };
}
