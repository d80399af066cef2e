import { stripeErrorBody } from '../params/errors';
import { jsonResponse } from '../server/jsonResponse';

// Methods Node's parser accepts but the Fetch API refuses to represent.
const unrepresentableMethods = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * The answer to a request Node parsed but `new Request()` could not be built from (`Host: [bad`,
 * `TRACE`): a scanner's probe, not a fault of the server, so it is a JSON 405 or 400 with `no-store`
 * like every other refusal, and a one-line `console.warn` instead of an error with a stack. An `onError`
 * passed to `toNodeListener` gets the error instead, and may answer with a Response of its own.
 */
export async function answerMalformedRequest(
  error: unknown,
  method: string | undefined,
  onError: ((error: unknown) => void | Response | Promise<void | Response>) | undefined,
): Promise<Response> {
  if (onError === undefined) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[react-stripe-customer-session] refused a malformed ${String(method)} request: ${reason}`);
  } else {
    const answer = await onError(error);
    if (answer instanceof Response) return answer;
  }
  if (method !== undefined && unrepresentableMethods.has(method.toUpperCase())) {
    const message = `${method} is not allowed here; use POST.`;
    return jsonResponse(405, stripeErrorBody({ type: 'invalid_request_error', message }), { Allow: 'POST' });
  }
  const message = 'The request could not be read: its Host header or URL is malformed.';
  return jsonResponse(400, stripeErrorBody({ type: 'invalid_request_error', message }));
}
