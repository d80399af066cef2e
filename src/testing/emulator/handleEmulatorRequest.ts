import type { StripeErrorObject } from '../../core/types';
import { stripeErrorBody } from '../../params/errors';
import type { EmulatorState } from './state';
import { authenticate } from './authenticate';
import { findIdempotentResult } from './findIdempotentResult';
import { jsonResponse } from './jsonResponse';
import { randomBase62 } from './randomBase62';
import { rateLimitError, takeRequest } from './rateLimit';
import { readFormParams } from './readFormParams';
import { findRoute } from './routes';
import { decodeStripeForm } from '../../params/form';
import { stableStringify } from './stableStringify';

// The version stripe 23 pins; echoed when a request names none.
const defaultApiVersion = '2026-10-28.endive';

/**
 * One request through the emulator, in Stripe's order: route (404 `Unrecognized request URL`, which is
 * also what Stripe answers for a wrong method), authentication (401), form body (400), idempotency
 * replay or conflict, then the endpoint. Only successful results are kept for replay: Stripe does not
 * store requests that fail validation either.
 */
export async function handleEmulatorRequest(state: EmulatorState, request: Request): Promise<Response> {
  const requestId = `req_${randomBase62(14)}`;
  const headers = { 'Request-Id': requestId, 'Stripe-Version': request.headers.get('stripe-version') ?? defaultApiVersion };
  const fail = (status: number, error: StripeErrorObject) =>
    jsonResponse(status, JSON.stringify(stripeErrorBody(error), null, 2), headers);

  try {
    const url = new URL(request.url);
    const path = url.pathname;
    const method = request.method.toUpperCase();
    const route = findRoute(method, path);
    if (!route) {
      const message = `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`;
      return fail(404, { type: 'invalid_request_error', message });
    }
    const authError = authenticate(request);
    if (authError) return fail(401, authError);
    // The account's limit counts every authenticated request, and refuses before reading the body.
    if (state.rateLimit !== null && !takeRequest(state.rateLimit, state.clock.now())) return fail(429, rateLimitError);
    // GET params travel in the query string, as Stripe's SDKs send them.
    const read = method === 'GET' ? { params: decodeStripeForm(url.search.slice(1)) } : await readFormParams(request);
    if ('error' in read) return fail(400, read.error);
    state.requests.push({ method, path, params: read.params });

    // Stripe ignores Idempotency-Key on GET: reads are safe to repeat.
    const key = method === 'GET' ? '' : (request.headers.get('idempotency-key') ?? '');
    const fingerprint = stableStringify(read.params);
    const found = key === '' ? null : findIdempotentResult(state, key, path, fingerprint);
    if (found && 'error' in found) return fail(400, found.error);
    if (found) {
      const { status, body, requestId: original } = found.replay;
      return jsonResponse(status, body, { ...headers, 'Idempotent-Replayed': 'true', 'Original-Request': original });
    }

    const result = route(state, read.params);
    const body = JSON.stringify(result.body, null, 2);
    if (key !== '' && result.status < 400) state.idempotency.set(key, { path, fingerprint, status: result.status, body, requestId });
    return jsonResponse(result.status, body, headers);
  } catch {
    return fail(500, { type: 'api_error', message: 'An unexpected error occurred in the Stripe emulator.' });
  }
}
