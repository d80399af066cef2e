import type { CustomerSession } from '../../src/core/types';
import type { StripeStandIn } from '../../src/testing/createStripeStandIn';

/**
 * Real Stripe.js looks a session's features up by its secret; the offline stand-in is told them.
 * Every element has a session of its own, so the stand-in is shown every session the page receives:
 * the server-rendered ones, and each answer of the session endpoint (one session, or a batch) on its
 * way to the provider. Offline demo only; the client itself never reads the secret this way.
 */
const fed = new WeakSet<StripeStandIn>();

export function feedStandIn(standIn: StripeStandIn, endpointPath: string, rendered: readonly CustomerSession[] = []): void {
  for (const session of rendered) standIn.addSession(session);
  if (fed.has(standIn)) return;
  fed.add(standIn);
  const send = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await send(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname === endpointPath && response.ok) {
      // Read before the caller reads its own copy, so the stand-in knows the sessions first.
      const body = (await response.clone().json()) as CustomerSession & { sessions?: CustomerSession[] };
      for (const session of body.sessions ?? [body]) if (session.object === 'customer_session') standIn.addSession(session);
    }
    return response;
  };
}
