import { act, render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BuyButton, CustomerSessionProvider, PricingTable } from '../../src';
import { defineStripeWebComponentStandIns } from '../../src/testing';
import { CustomerSessionError } from '../../src/core/errors';
import { flushUntil } from '../helpers/advanceUntil';
import { installFakeClock } from '../helpers/fakeClock';
import { setupMswServer } from '../helpers/mswServer';
import { makeSession, renderWithSessionState } from '../helpers/renderWithSessionState';
import { createSessionEndpoint, sessionEndpointUrl } from '../helpers/sessionEndpoint';

// A grid of buy buttons costs what the customer sees: each asks for its own session as it nears
// the viewport, and the ones that arrive together share one request. jsdom has no layout, so a
// stand-in IntersectionObserver lets the test say which boxes are in view.
const server = setupMswServer();
installFakeClock();
const SECRET = 'customer-session-client-secret';

class FakeIntersectionObserver {
  static all = new Set<FakeIntersectionObserver>();
  static options: IntersectionObserverInit[] = [];
  readonly targets = new Set<Element>();
  constructor(private readonly callback: IntersectionObserverCallback, options: IntersectionObserverInit = {}) {
    FakeIntersectionObserver.all.add(this);
    FakeIntersectionObserver.options.push(options);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
    FakeIntersectionObserver.all.delete(this);
  }
  takeRecords() {
    return [];
  }
  /** Scrolls: every watched box for which `inView` holds intersects now. */
  static scroll(inView: (target: Element) => boolean) {
    for (const observer of [...FakeIntersectionObserver.all]) {
      const entries = [...observer.targets].filter(inView).map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
      if (entries.length > 0) observer.callback(entries, observer as unknown as IntersectionObserver);
    }
  }
}

beforeEach(() => {
  FakeIntersectionObserver.all.clear();
  FakeIntersectionObserver.options = [];
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  defineStripeWebComponentStandIns();
});
afterEach(() => vi.unstubAllGlobals());

const buttons = () => [...document.querySelectorAll('stripe-buy-button')];
const secrets = () => buttons().map((button) => button.getAttribute(SECRET)).filter((secret): secret is string => secret !== null);
// Which grid row a pending box belongs to: its next sibling is the fallback naming the row.
const row = (target: Element) => Number(target.nextElementSibling?.getAttribute('data-row'));

function Grid({ rows, eager = false }: { rows: number; eager?: boolean }) {
  return (
    <CustomerSessionProvider endpoint={sessionEndpointUrl} components={['buy_button']} publishableKey="pk_test_grid" queryClient={new QueryClient()}>
      {Array.from({ length: rows * 4 }, (_, index) => (
        <BuyButton key={index} buyButtonId={`buy_btn_${index}`} loading={eager ? 'eager' : 'lazy'} fallback={<span data-row={Math.floor(index / 4)}>…</span>} />
      ))}
    </CustomerSessionProvider>
  );
}

describe('elements ask for their session as they near the viewport', () => {
  it('a grid of 24 buy buttons: 4 in view cost 4 sessions; scrolling mints the rest, a row per request, all distinct', async () => {
    const endpoint = createSessionEndpoint({ policy: { buy_button: { enabled: true } } });
    server.use(endpoint.handler);
    render(<Grid rows={6} />);
    await flushUntil(() => FakeIntersectionObserver.all.size === 24);
    expect(FakeIntersectionObserver.options.every((options) => options.rootMargin === '200px')).toBe(true);
    // Only the provider's own session so far: no box is in view yet.
    await flushUntil(() => endpoint.requests.length === 1);
    expect(endpoint.requests[0]?.body).toEqual({ components: ['buy_button'] });

    act(() => FakeIntersectionObserver.scroll((target) => row(target) === 0));
    await flushUntil(() => secrets().length === 4);
    expect(endpoint.requests).toHaveLength(2);
    expect(endpoint.requests[1]?.body).toEqual({ sessions: [['buy_button'], ['buy_button'], ['buy_button'], ['buy_button']] });

    for (let next = 1; next < 6; next++) {
      act(() => FakeIntersectionObserver.scroll((target) => row(target) === next));
      await flushUntil(() => secrets().length === 4 * (next + 1));
    }
    expect(endpoint.requests).toHaveLength(7);
    expect(new Set(secrets()).size).toBe(24);
    // 1 provider session + 24 element sessions, none created twice.
    expect(endpoint.emulator.requests.filter((request) => request.path === '/v1/customer_sessions')).toHaveLength(25);
    expect(FakeIntersectionObserver.all.size).toBe(0);
  });

  it('loading="eager" mints at mount, with the provider’s session, in one request', async () => {
    const endpoint = createSessionEndpoint({ policy: { buy_button: { enabled: true }, pricing_table: { enabled: true } } });
    server.use(endpoint.handler);
    render(
      <CustomerSessionProvider endpoint={sessionEndpointUrl} components={['buy_button', 'pricing_table']} publishableKey="pk_test_grid" queryClient={new QueryClient()}>
        <PricingTable pricingTableId="prctbl_1" loading="eager" />
        <BuyButton buyButtonId="buy_btn_1" loading="eager" />
        <BuyButton buyButtonId="buy_btn_2" loading="eager" />
      </CustomerSessionProvider>,
    );
    await flushUntil(() => secrets().length === 2 && document.querySelector(`stripe-pricing-table[${SECRET}]`) !== null);
    expect(FakeIntersectionObserver.all.size).toBe(0);
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.body).toEqual({ sessions: [['buy_button', 'pricing_table'], ['pricing_table'], ['buy_button'], ['buy_button']] });
    const all = [...secrets(), document.querySelector('stripe-pricing-table')!.getAttribute(SECRET)!];
    expect(new Set(all).size).toBe(3);
  });

  it('loading switched to "eager" after mount mints at once, as it would have at mount', async () => {
    const endpoint = createSessionEndpoint({ policy: { buy_button: { enabled: true } } });
    server.use(endpoint.handler);
    const queryClient = new QueryClient();
    const tree = (loading: 'lazy' | 'eager') => (
      <CustomerSessionProvider endpoint={sessionEndpointUrl} components={['buy_button']} publishableKey="pk_test_grid" queryClient={queryClient}>
        <BuyButton buyButtonId="buy_btn_1" loading={loading} />
      </CustomerSessionProvider>
    );
    const view = render(tree('lazy'));
    await flushUntil(() => endpoint.requests.length === 1 && FakeIntersectionObserver.all.size === 1);
    expect(secrets()).toEqual([]);

    view.rerender(tree('eager'));
    await flushUntil(() => secrets().length === 1);
    expect(endpoint.requests).toHaveLength(2);
    expect(FakeIntersectionObserver.all.size).toBe(0);

    // Back to "lazy": it stays near (as a box once in view does), keeping its session and secret.
    const [secret] = secrets();
    view.rerender(tree('lazy'));
    await act(async () => {});
    expect(secrets()).toEqual([secret]);
    expect(FakeIntersectionObserver.all.size).toBe(0);
    expect(document.querySelector('[data-customer-session-pending]')).toBeNull();
  });

  it('a box not yet near waits without an error of its own: the provider’s failed refresh (its secret still good) is not reported', async () => {
    const onError = vi.fn();
    const refresh = new CustomerSessionError('network', 'refresh failed');
    renderWithSessionState(<BuyButton buyButtonId="buy_btn_1" fallback={<span>waiting</span>} onError={onError} />, {
      session: { status: 'ready', session: makeSession(['buy_button']), error: refresh },
    });
    await act(async () => {});
    expect(FakeIntersectionObserver.all.size).toBe(1);
    expect(document.body.textContent).toBe('waiting');
    expect(onError).not.toHaveBeenCalled();
  });
});
