import type { CustomerSession } from '../core/types';
import { narrowedPolicy, requestCustomerSessions, serverCall } from './createCustomerSession';
import { sessionsListProblem } from './sessionBatch';
import type { CreateCustomerSessionsOptions } from './types';

/**
 * Creates one Customer Session per entry of `sessions` while the server renders a page, each narrowed
 * to its entry's components (an empty entry: the whole policy), so every customer-aware element in the
 * first HTML gets its own, never-rendered secret (Stripe's secrets are single-use) and the browser
 * makes no request for them. Pass the result to `<CustomerSessionProvider initialSessions={...}>`.
 *
 * Same checks, narrowing, rate limit and answer as `createCustomerSession` and the handler (one code
 * path): the sessions are created concurrently, and the rate limit is spent for all of them at once,
 * one point per session, before any Stripe call: the whole list or none of it.
 *
 * @returns the plain Customer Session objects, in the order of `sessions`.
 * @throws CustomerSessionRateLimitError when the customer's budget cannot cover them all (429), or the
 *   limiter's store failed with `rateLimitFailure: 'deny'` (503). Render those elements for a guest
 *   then: the browser asks the endpoint later, which honours the same limit.
 * @throws TypeError when an option is invalid, naming it: `sessions` not a non-empty array of at most
 *   `maxSessionsPerRequest` (32) lists, `sessions[2]` not a list of the policy's component names, a bad
 *   policy, no customer.
 * @throws the first Stripe error by index, unchanged, when any creation failed.
 */
export async function createCustomerSessions(options: CreateCustomerSessionsOptions): Promise<CustomerSession[]> {
  const call = serverCall(options, 'createCustomerSessions');
  const problem = sessionsListProblem(options.sessions);
  if (problem !== null) throw new TypeError(`createCustomerSessions: ${problem}`);
  // Array.from visits holes too (a sparse list from JavaScript): each is refused, naming its index.
  const components = Array.from(options.sessions, (entry, index) =>
    narrowedPolicy(options.components, entry ?? null, `sessions[${index}]`, call.caller),
  );
  return requestCustomerSessions(call, components);
}
