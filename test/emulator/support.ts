import { encodeStripeForm } from '../../src/params/form';
import type { StripeEmulator } from '../../src/testing/emulator/types';

export const secretKey = 'sk_test_51Hemulator0000000000abcd';

export interface CallOptions {
  method?: string;
  /** `null` sends no Authorization header; a string replaces the whole header. */
  authorization?: string | null;
  headers?: Record<string, string>;
  origin?: string;
}

/** Sends one request to the emulator in-process; `body` objects are form-encoded. */
export async function call(emulator: StripeEmulator, path: string, body: string | object = '', options: CallOptions = {}) {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', ...options.headers };
  const authorization = options.authorization === undefined ? `Bearer ${secretKey}` : options.authorization;
  if (authorization !== null) headers.Authorization = authorization;
  const method = options.method ?? 'POST';
  const response = await emulator.handle(
    new Request(`${options.origin ?? 'https://api.stripe.com'}${path}`, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : typeof body === 'string' ? body : encodeStripeForm(body),
    }),
  );
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers field by field
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as Record<string, any> };
}
