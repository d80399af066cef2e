import { useSyncExternalStore } from 'react';
import { useCustomerSessionContext } from '../../src/react/CustomerSessionProvider';
import type { ComponentName } from '../../src/core/componentNames';
import type { StoryBackend } from './createStoryBackend';
import { ErrorCallout } from './ErrorCallout';
import { SecretText } from './SecretText';
import { StatusBadge } from './StatusBadge';
import { useNow } from './useNow';

const shown: ComponentName[] = ['payment_element', 'pricing_table', 'buy_button'];

function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const noBackend = { subscribe: () => () => {}, calls: () => 0 };

/** What the session looks like from the page: status, masked secret, expiry, enabled components, errors. */
export function SessionPanel({ backend }: { backend?: StoryBackend }) {
  const state = useCustomerSessionContext();
  const now = useNow();
  const source = backend ?? noBackend;
  const calls = useSyncExternalStore(source.subscribe, source.calls);
  const expiresIn = state.expiresAt ? state.expiresAt.getTime() - now : null;

  return (
    <section className="sf-card" aria-label="Customer Session">
      <div className="sf-card-head">
        <h2 className="sf-card-title">Customer Session</h2>
        <StatusBadge status={state.status} />
      </div>
      <div className="sf-card-body sf-session">
        <div className="sf-session-row">
          <div className="sf-field">
            <span className="sf-label">Client secret</span>
            <SecretText secret={state.clientSecret} />
          </div>
          <div className="sf-field">
            <span className="sf-label">Expires in</span>
            <span className="sf-value" data-testid="expires-in">
              {expiresIn === null ? '—' : formatCountdown(expiresIn)}
            </span>
          </div>
          <div className="sf-field">
            <span className="sf-label">Customer</span>
            <span className="sf-value">{state.session?.customer ?? '—'}</span>
          </div>
          <div className="sf-field">
            <span className="sf-label">Endpoint calls</span>
            <span className="sf-value" data-testid="endpoint-calls">
              {calls}
            </span>
          </div>
        </div>
        <div className="sf-field">
          <span className="sf-label">Enabled by the session</span>
          <div className="sf-chips">
            {shown.map((name) => (
              <span
                key={name}
                className={`sf-chip${state.isEnabled(name) ? ' sf-chip--on' : ''}`}
                data-testid={`chip-${name}`}
                data-enabled={state.isEnabled(name)}
              >
                {name}
              </span>
            ))}
          </div>
        </div>
        {state.error ? <ErrorCallout error={state.error} /> : null}
        {backend?.startupError ? (
          <div className="sf-callout sf-callout--info" data-testid="startup-error">
            <span className="sf-callout-title">createCustomerSessionHandler refused this policy at startup</span>
            <code>{backend.startupError.split('\n').slice(1).join(' · ').trim()}</code>
            <span>This story forwards it to the emulator unchecked, to show Stripe&apos;s own answer above.</span>
          </div>
        ) : null}
      </div>
    </section>
  );
}
