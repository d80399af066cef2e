import type { ReactNode } from 'react';
import { realStripe } from './realStripe';

/** Brand and the signed-in shopper (the session is always theirs), or a guest when the provider is off. */
export function StoreHeader({ signedIn = true, action }: { signedIn?: boolean; action?: ReactNode }) {
  return (
    <header className="sf-header">
      <div className="sf-brand">
        <span className="sf-logo" aria-hidden="true">
          A
        </span>
        <div>
          <div className="sf-brand-name">Acme Supply</div>
          <div className="sf-brand-sub">{signedIn ? 'Signed in as Jenny Rosen' : 'Not signed in'}</div>
        </div>
        {action}
      </div>
      <span className="sf-env">{realStripe ? 'Stripe.js test mode · emulator sessions' : 'Offline · Stripe emulator and stand-ins'}</span>
    </header>
  );
}
