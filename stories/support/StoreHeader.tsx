import { realStripe } from './realStripe';

/** Brand and the signed-in shopper: the session is always for the signed-in customer. */
export function StoreHeader() {
  return (
    <header className="sf-header">
      <div className="sf-brand">
        <span className="sf-logo" aria-hidden="true">
          A
        </span>
        <div>
          <div className="sf-brand-name">Acme Supply</div>
          <div className="sf-brand-sub">Signed in as Jenny Rosen</div>
        </div>
      </div>
      <span className="sf-env">{realStripe ? 'Stripe.js test mode · emulator sessions' : 'Offline · Stripe emulator and stand-ins'}</span>
    </header>
  );
}
