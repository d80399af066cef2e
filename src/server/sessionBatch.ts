import { componentNames, isComponentName } from '../core/componentNames';

/**
 * The most sessions one handler request (`{ "sessions": [...] }`) or one `createCustomerSessions` call
 * may ask for. A page's first commit needs one per customer-aware element in view, plus the shared
 * state session; a longer list is a bug or an abuse, refused before the rate limit is spent.
 */
export const maxSessionsPerRequest = 32;

/** A value quoted in an error message, cut short. */
export function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Why a batch's outer list is unacceptable (`sessions` as sent), or null when it is a fitting array. */
export function sessionsListProblem(sessions: unknown): string | null {
  if (Array.isArray(sessions) && sessions.length > maxSessionsPerRequest) {
    return `sessions asks for ${sessions.length} sessions; at most ${maxSessionsPerRequest} may be created in one request.`;
  }
  if (Array.isArray(sessions) && sessions.length > 0) return null;
  return `Invalid array: sessions must be a non-empty array of component-name lists, e.g. [["pricing_table"], ["buy_button"]]; got ${describeValue(sessions)}.`;
}

/** Where `names` fails to be a list of component names: `'array'`, the index of the first bad name, or null. */
export function componentListProblem(names: unknown): 'array' | number | null {
  if (!Array.isArray(names)) return 'array';
  const bad = names.findIndex((name: unknown) => !isComponentName(name));
  return bad === -1 ? null : bad;
}

/** The message for a list entry that is not a component name. */
export function unknownComponentMessage(param: string, value: unknown): string {
  return `Invalid ${param}: ${describeValue(value)} is not one of ${componentNames.join(', ')}.`;
}

