import { useEffect, useState } from 'react';
import { maskClientSecret } from '../../src/params/maskClientSecret';
import { useCustomerSessionContext } from '../../src/react/CustomerSessionProvider';

function useClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The shopper never sees this; it is here so a developer can watch the session live. */
export function SessionBar() {
  const { status, clientSecret, expiresAt, session, error } = useCustomerSessionContext();
  const now = useClock();
  const minutes = expiresAt ? Math.max(0, Math.round((expiresAt.getTime() - now) / 60_000)) : null;
  return (
    <section className="panel session-bar" aria-label="Customer Session">
      <span>
        <span className="label">Session</span>
        <span className={`badge badge-${status}`} data-testid="session-status">
          {status}
        </span>
      </span>
      <span>
        <span className="label">Secret</span>
        <span className="secret" data-testid="session-secret">
          {clientSecret ? maskClientSecret(clientSecret) : '—'}
        </span>
      </span>
      <span>
        <span className="label">Expires</span>
        {minutes === null ? '—' : `in ${minutes} min`}
      </span>
      <span>
        <span className="label">Customer</span>
        {session?.customer ?? '—'}
      </span>
      {error ? <span role="alert">{error.stripeError?.message ?? error.message}</span> : null}
    </section>
  );
}
