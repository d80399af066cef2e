import type { StripeErrorObject } from '../../core/types';
import { maskApiKey } from './maskApiKey';

const missingKey =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth " +
  "(e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, " +
  'or we can help at https://support.stripe.com/.';

/**
 * Checks the `Authorization` header like Stripe: `Bearer <key>` or Basic auth with the key as the user.
 * Only test-mode secret or restricted keys (`sk_test_…`, `rk_test_…`) are accepted. Returns the 401
 * error to send, or null when the key is acceptable. Messages show the key masked, never whole.
 */
export function authenticate(request: Request): StripeErrorObject | null {
  const header = request.headers.get('authorization')?.trim() ?? '';
  if (header === '') return { type: 'invalid_request_error', message: missingKey };
  const key = keyFromHeader(header);
  if (key === '') return { type: 'invalid_request_error', message: missingKey };
  if (/^(?:sk|rk)_test_\S+$/.test(key)) return null;
  return { type: 'invalid_request_error', message: `Invalid API Key provided: ${maskApiKey(key)}` };
}

function keyFromHeader(header: string): string {
  const [scheme = '', ...rest] = header.split(/\s+/);
  const credentials = rest.join(' ');
  if (/^bearer$/i.test(scheme)) return credentials;
  if (/^basic$/i.test(scheme)) {
    try {
      const decoded = atob(credentials);
      const colon = decoded.indexOf(':');
      return colon === -1 ? decoded : decoded.slice(0, colon);
    } catch {
      return credentials;
    }
  }
  return header;
}
