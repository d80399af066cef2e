import { useLayoutEffect } from 'react';
import { useCustomerSessionContext } from '../../src/react/CustomerSessionProvider';
import type { StripeStandIn } from '../../src/testing/createStripeStandIn';

/**
 * Real Stripe.js looks a session's features up by its secret; the offline stand-in is told them.
 * A layout effect, so the stand-in knows the session before the Payment Element draws it.
 */
export function StandInSessionFeed({ standIn }: { standIn: StripeStandIn }) {
  const { session } = useCustomerSessionContext();
  useLayoutEffect(() => {
    if (session) standIn.addSession(session);
  }, [session, standIn]);
  return null;
}
