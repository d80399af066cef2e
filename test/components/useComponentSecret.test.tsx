import { render, renderHook } from '@testing-library/react';
import { http } from 'msw';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComponentName } from '../../src/core/componentNames';
import { CustomerSessionError } from '../../src/core/errors';
import { CustomerSessionContext } from '../../src/react/CustomerSessionProvider';
import { useComponentSecret } from '../../src/react/elementSecret';
import { resetWarnings } from '../../src/core/warnings';
import type { ComponentSecret } from '../../src/react/types';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { providerTree } from '../helpers/renderWithProvider';
import { makeSession, sessionContextValue, sessionState, type SessionStateInput } from '../helpers/renderWithSessionState';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { createdSessions, MINUTE, sessionSet, refused, wakeUp } from './support/storefrontSuite';

function secretFor(component: ComponentName, input: SessionStateInput, enabled?: boolean) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <CustomerSessionContext.Provider value={sessionContextValue(sessionState(input), { enabled: enabled ?? true })}>
      {children}
    </CustomerSessionContext.Provider>
  );
  return renderHook(() => useComponentSecret(component), { wrapper }).result.current;
}

const session = makeSession(['pricing_table', 'customer_sheet']);
const failure = new CustomerSessionError('http', 'Endpoint answered 503', { status: 503 });

beforeEach(() => {
  resetWarnings();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

// What the provider's session alone decides (the caller has no session of its own yet, or never gets one).
describe('useComponentSecret, gated by the provider’s session', () => {
  it.each<[string, ComponentName, SessionStateInput, { clientSecret: string | null; status: string; error: CustomerSessionError | null }]>([
    ['pending', 'pricing_table', { status: 'pending' }, { clientSecret: null, status: 'pending', error: null }],
    ['ready: waits for a session of its own, never takes the provider’s', 'pricing_table', { status: 'ready', session }, { clientSecret: null, status: 'pending', error: null }],
    ['not enabled', 'buy_button', { status: 'ready', session }, { clientSecret: null, status: 'disabled', error: null }],
    ['error, no session', 'pricing_table', { status: 'error', error: failure }, { clientSecret: null, status: 'error', error: failure }],
    ['refresh failed, secret expired', 'pricing_table', { status: 'error', session, error: failure }, { clientSecret: null, status: 'error', error: failure }],
  ])('%s', (_name, component, input, expected) => {
    expect(secretFor(component, input)).toEqual(expected);
  });

  it('is off, without a secret, whenever the provider is enabled={false}, even if its state still holds a session', () => {
    expect(secretFor('pricing_table', { status: 'pending' }, false)).toEqual({ clientSecret: null, status: 'off', error: null });
    expect(secretFor('pricing_table', { status: 'ready', session }, false)).toEqual({ clientSecret: null, status: 'off', error: null });
    expect(console.warn).not.toHaveBeenCalled();
  });

  it('warns once in development for a component the session does not enable, naming the param', () => {
    secretFor('buy_button', { status: 'ready', session });
    secretFor('buy_button', { status: 'ready', session });
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(String(vi.mocked(console.warn).mock.calls[0]?.[0])).toContain('components[buy_button][enabled]');
  });

  it('throws a clear error outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    function Probe() {
      useComponentSecret('pricing_table');
      return null;
    }
    expect(() => render(<Probe />)).toThrow(/useComponentSecret\('pricing_table'\) must be used inside <CustomerSessionProvider>/);
  });
});

// Each caller's own session, through the real provider and the app's endpoint (MSW over the real handler and emulator).
describe('useComponentSecret, from the caller’s own session', () => {
  const server = setupMswServer();
  const clock = installFakeClock();
  const policy = { pricing_table: { enabled: true }, buy_button: { enabled: true }, customer_sheet: { enabled: true } };

  /** Renders one probe per entry of `components` under the provider; `results[i]` is probe i's latest answer. */
  function renderProbes(components: ComponentName[], provided: ComponentName[] = ['pricing_table', 'customer_sheet']) {
    const endpoint = createSessionEndpoint({ policy });
    server.use(endpoint.handler);
    const results: ComponentSecret[] = [];
    function Probe({ index, component }: { index: number; component: ComponentName }) {
      results[index] = useComponentSecret(component);
      return null;
    }
    const view = render(providerTree(components.map((component, index) => <Probe key={index} index={index} component={component} />), { components: provided }));
    return { endpoint, results, view };
  }
  const ready = (result: ComponentSecret | undefined) => result?.status === 'ready';

  it('enabled: each caller gets a secret no other caller has, from a session enabling its component alone, all in one request', async () => {
    const { endpoint, results } = renderProbes(['pricing_table', 'pricing_table', 'customer_sheet']);
    await flushUntil(() => results.length === 3 && results.every(ready));
    expect(results.map((result) => result.error)).toEqual([null, null, null]);
    expect(new Set(results.map((result) => result.clientSecret)).size).toBe(3);
    for (const result of results) expect(result.clientSecret).toMatch(/^cuss_secret_/);
    expect(endpoint.requests).toHaveLength(1);
    expect(sessionSet(createdSessions(endpoint))).toEqual(['customer_sheet', 'customer_sheet+pricing_table', 'pricing_table', 'pricing_table']);
  });

  it('a caller mounted again gets a new secret', async () => {
    const { results, view } = renderProbes(['pricing_table']);
    await flushUntil(() => ready(results[0]));
    const first = results[0]?.clientSecret;
    view.rerender(providerTree(null, { components: ['pricing_table', 'customer_sheet'] }));
    results.length = 0;
    function Again() {
      results[0] = useComponentSecret('pricing_table');
      return null;
    }
    view.rerender(providerTree(<Again />, { components: ['pricing_table', 'customer_sheet'] }));
    await flushUntil(() => ready(results[0]));
    expect(results[0]?.clientSecret).toMatch(/^cuss_secret_/);
    expect(results[0]?.clientSecret).not.toBe(first);
  });

  it('enabled while refreshing: keeps its secret until the fresh one lands, then changes to it', async () => {
    const { endpoint, results } = renderProbes(['pricing_table']);
    await flushUntil(() => ready(results[0]));
    const first = results[0]?.clientSecret;
    const held = [endpoint.hold(), endpoint.hold()];
    await clock.advance(25 * MINUTE);
    expect(results[0]).toEqual({ clientSecret: first, status: 'ready', error: null });
    for (const hold of held) hold.resolve();
    await flushUntil(() => results[0]?.clientSecret !== first);
    expect(results[0]).toMatchObject({ status: 'ready', error: null });
    expect(results[0]?.clientSecret).toMatch(/^cuss_secret_/);
  });

  it('refresh failed: ready with the error while the secret is valid; then expired while a new attempt runs; error once it fails; ready with the next one', async () => {
    const { endpoint, results } = renderProbes(['pricing_table']);
    await flushUntil(() => ready(results[0]));
    const first = results[0]?.clientSecret;
    const start = Date.now();
    // Refused until 29:55; the attempt made then hangs past the expiry at 30:00.
    server.use(http.post(endpoint.url, () => (Date.now() < start + 30 * MINUTE - 5000 ? refused() : undefined)));
    await clock.advance(25 * MINUTE);
    await flushUntil(() => results[0]?.error !== null);
    expect(results[0]).toMatchObject({ clientSecret: first, status: 'ready', error: { kind: 'http', status: 400 } });

    await clock.advance(5 * MINUTE - 5000);
    const held = endpoint.hold();
    wakeUp();
    await clock.advance(10_000);
    expect(results[0]).toEqual({ clientSecret: null, status: 'expired', error: null });

    // The hung attempt times out at 30:25; its retry, a second later, lands.
    await clock.advance(25_000);
    await flushUntil(() => ready(results[0]));
    expect(results[0]?.clientSecret).toMatch(/^cuss_secret_/);
    expect(results[0]?.clientSecret).not.toBe(first);
    held.resolve();
  });

  it('refresh refused until the secret expired: error, without the secret', async () => {
    const { endpoint, results } = renderProbes(['pricing_table']);
    await flushUntil(() => ready(results[0]));
    endpoint.queue(...Array.from({ length: 6 }, () => refused));
    await clock.advance(30 * MINUTE);
    expect(results[0]).toMatchObject({ clientSecret: null, status: 'error', error: { kind: 'http', status: 400 } });
  });
});
