import type { StripeErrorObject } from '../../core/types';
import { decodeStripeForm } from '../../params/form';

const notForm =
  'Invalid request (check that your POST content type is application/x-www-form-urlencoded). ' +
  'If you have any questions, we can help at https://support.stripe.com/.';

/** Reads a form body like Stripe: any other content type with a body is a 400. An empty body is `{}`. */
export async function readFormParams(
  request: Request,
): Promise<{ params: Record<string, unknown> } | { error: StripeErrorObject }> {
  const body = await request.text();
  if (body.trim() === '') return { params: {} };
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return { error: { type: 'invalid_request_error', message: notForm } };
  return { params: decodeStripeForm(body) };
}
