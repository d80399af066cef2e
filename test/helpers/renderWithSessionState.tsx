import { act, render, type RenderOptions, type RenderResult } from '@testing-library/react';
import { useSyncExternalStore, type ReactElement, type ReactNode } from 'react';
import type { ComponentName } from '../../src/core/componentNames';
import type { CustomerSessionError } from '../../src/core/errors';
import type { CustomerSession, PaymentElementFeatures } from '../../src/core/types';
import { CustomerSessionContext, type CustomerSessionContextValue } from '../../src/react/CustomerSessionProvider';
import type { CustomerSessionState, CustomerSessionStatus, StripeProp } from '../../src/react/types';

let counter = 0;

/** A Customer Session as the endpoint would return it, with `enabled` components switched on. */
export function makeSession(
  enabled: ComponentName[],
  options: { secret?: string; features?: Partial<PaymentElementFeatures>; ttlSeconds?: number } = {},
): CustomerSession {
  counter += 1;
  const created = Math.floor(Date.now() / 1000);
  const on = (name: ComponentName) => enabled.includes(name);
  return {
    object: 'customer_session',
    client_secret: options.secret ?? `cuss_secret_Test${String(counter).padStart(4, '0')}SessionSecret${counter}xyz${1000 + counter}`,
    components: {
      active_entitlements: { enabled: on('active_entitlements') },
      buy_button: { enabled: on('buy_button') },
      customer_portal: { enabled: on('customer_portal') },
      pricing_table: { enabled: on('pricing_table') },
      customer_sheet: { enabled: on('customer_sheet'), features: null },
      mobile_payment_element: { enabled: on('mobile_payment_element'), features: null },
      payment_element: {
        enabled: on('payment_element'),
        features: {
          payment_method_allow_redisplay_filters: ['always'],
          payment_method_redisplay: 'disabled',
          payment_method_redisplay_limit: null,
          payment_method_remove: 'disabled',
          payment_method_save: 'disabled',
          payment_method_save_usage: null,
          ...options.features,
        },
      },
    },
    created,
    customer: 'cus_Test123',
    customer_account: null,
    expires_at: created + (options.ttlSeconds ?? 1800),
    livemode: false,
  };
}

export interface SessionStateInput {
  status: CustomerSessionStatus;
  session?: CustomerSession | null;
  /** Defaults to the session's secret, except for `expired` and `error` (a session that expired). */
  clientSecret?: string | null;
  error?: CustomerSessionError | null;
  /** The provider dropped the session before this state (sign-out): its `dropGeneration` goes up. */
  dropped?: boolean;
}

/**
 * A `CustomerSessionState` as the provider would publish it. Like the provider, a session whose
 * secret is withheld (expired) is not published either: `session` null, `isEnabled` false, but
 * `expiresAt` still says when it expired. `expiresAt` is null only when there is no session at all.
 */
export function sessionState({ status, session = null, clientSecret, error = null }: SessionStateInput): CustomerSessionState {
  const secret = clientSecret !== undefined ? clientSecret : session && status !== 'expired' && status !== 'error' ? session.client_secret : null;
  const published = secret === null ? null : session;
  return {
    status,
    session: published,
    clientSecret: secret,
    expiresAt: session ? new Date(session.expires_at * 1000) : null,
    error,
    isEnabled: (component) => published?.components[component].enabled ?? false,
    refresh: () => Promise.resolve(),
  };
}

/**
 * A context value as `CustomerSessionProvider` would share it, holding a state the test controls
 * (no store: every read takes `state` as it is, through the same render-time expiry check).
 */
export function sessionContextValue(
  state: CustomerSessionState,
  rest: Partial<Omit<CustomerSessionContextValue, 'store' | 'serverState'>> = {},
): CustomerSessionContextValue {
  return {
    store: null,
    serverState: state,
    enabled: true,
    dropGeneration: 0,
    getStripe: () => null,
    publishableKey: undefined,
    client: null,
    session: { endpoint: '/api/customer-session', getRequestInit: () => undefined },
    takeInitial: () => undefined,
    spendInitial: () => {},
    spendAll: () => {},
    ...rest,
  };
}

export interface SessionRenderResult extends RenderResult {
  /** Publishes a new session state to every consumer, inside `act`. */
  setSession(input: SessionStateInput): void;
  /** How many times `getStripe()` was called. */
  getStripeCalls(): number;
}

/**
 * Renders `ui` under `CustomerSessionContext.Provider` with a state the test controls, standing in
 * for `CustomerSessionProvider`.
 */
export function renderWithSessionState(
  ui: ReactElement,
  options: { session: SessionStateInput; stripe?: StripeProp | undefined; publishableKey?: string } & Omit<RenderOptions, 'wrapper'>,
): SessionRenderResult {
  const { session, stripe: _stripe, publishableKey = 'pk_test_components', ...renderOptions } = options;
  // `stripe: undefined` given explicitly means "the provider has no Stripe".
  const stripe = 'stripe' in options ? options.stripe : null;
  let stripeCalls = 0;
  const getStripe = () => {
    stripeCalls += 1;
    return stripe;
  };
  let value: CustomerSessionContextValue = sessionContextValue(sessionState(session), { getStripe, publishableKey });
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  function Wrapper({ children }: { children: ReactNode }) {
    const current = useSyncExternalStore(subscribe, () => value);
    return <CustomerSessionContext.Provider value={current}>{children}</CustomerSessionContext.Provider>;
  }
  const result = render(ui, { ...renderOptions, wrapper: Wrapper });
  return {
    ...result,
    setSession(input) {
      act(() => {
        value = { ...value, serverState: sessionState(input), dropGeneration: value.dropGeneration + (input.dropped ? 1 : 0) };
        for (const listener of listeners) listener();
      });
    },
    getStripeCalls: () => stripeCalls,
  };
}
