import { act, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CustomerSessionError } from '../../src/core/errors';
import { loadStripeScript } from '../../src/react/stripeScripts';
import { resetStripeScripts } from '../../src/react/stripeScripts';
import { BuyButton } from '../../src/react/webComponents';
import { PricingTable } from '../../src/react/webComponents';
import { CustomerSessionProvider } from '../../src/react/CustomerSessionProvider';
import type { ComponentName } from '../../src/core/componentNames';
import { makeSession } from '../helpers/renderWithSessionState';

const TABLE_JS = 'https://js.stripe.com/v3/pricing-table.js';
const BUTTON_JS = 'https://js.stripe.com/v3/buy-button.js';
const scripts = (src: string) => [...document.querySelectorAll<HTMLScriptElement>('script')].filter((s) => s.src === src);

/**
 * Renders `ui` under the real provider with server-rendered sessions, one per element (`tables`
 * pricing tables, `buttons` buy buttons): each element renders its own at once, with no request.
 */
function renderWithSessions(ui: ReactElement, { tables = 0, buttons = 0 }: { tables?: number; buttons?: number }) {
  const each = (component: ComponentName, count: number) => Array.from({ length: count }, () => makeSession([component]));
  const endpoint = vi.fn(() => Promise.reject(new Error('no request expected')));
  const tree = (children: ReactElement) => (
    <CustomerSessionProvider
      endpoint={endpoint}
      components={['pricing_table', 'buy_button']}
      publishableKey="pk_test_components"
      initialSession={makeSession(['pricing_table', 'buy_button'])}
      initialSessions={[...each('pricing_table', tables), ...each('buy_button', buttons)]}
    >
      {children}
    </CustomerSessionProvider>
  );
  const view = render(tree(ui));
  return { ...view, endpoint, rerender: (next: ReactElement) => view.rerender(tree(next)) };
}

// jsdom never fetches these scripts: tests fire `load` / `error` themselves. Nothing here defines the elements.
beforeEach(() => {
  resetStripeScripts();
  document.querySelectorAll('script').forEach((script) => script.remove());
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('Stripe script loading', () => {
  it('adds one script per kind for five instances, after mount, with the CSP nonce', () => {
    const five = [1, 2, 3, 4, 5];
    const { endpoint } = renderWithSessions(
      <>
        {five.map((n) => (
          <PricingTable key={n} pricingTableId={`prctbl_${n}`} nonce="r4nd0m" />
        ))}
        {five.map((n) => (
          <BuyButton key={n} buyButtonId={`buy_btn_${n}`} nonce="r4nd0m" />
        ))}
      </>,
      { tables: 5, buttons: 5 },
    );
    expect(scripts(TABLE_JS)).toHaveLength(1);
    expect(scripts(BUTTON_JS)).toHaveLength(1);
    expect(scripts(TABLE_JS)[0]?.nonce).toBe('r4nd0m');
    expect(scripts(TABLE_JS)[0]?.async).toBe(true);
    expect(document.querySelectorAll('stripe-pricing-table')).toHaveLength(5);
    // Ten elements, ten secrets (each its own server-rendered session), no request.
    const secrets = [...document.querySelectorAll('stripe-pricing-table, stripe-buy-button')].map((element) => element.getAttribute('customer-session-client-secret'));
    expect(new Set(secrets).size).toBe(10);
    expect(endpoint).not.toHaveBeenCalled();
  });

  it('loads nothing until such a component renders', () => {
    renderWithSessions(<p>no Stripe components here</p>, {});
    expect(scripts(TABLE_JS)).toHaveLength(0);
    expect(scripts(BUTTON_JS)).toHaveLength(0);
  });

  it('reuses a <script src> the site already has', () => {
    const existing = document.createElement('script');
    existing.src = TABLE_JS;
    document.head.append(existing);
    renderWithSessions(<PricingTable pricingTableId="prctbl_1" />, { tables: 1 });
    expect(scripts(TABLE_JS)).toEqual([existing]);
  });

  it('on a load failure shows errorFallback and calls onError for each instance, with no uncaught error', async () => {
    const onError = vi.fn();
    renderWithSessions(
      <>
        <PricingTable pricingTableId="prctbl_1" onError={onError} errorFallback={<p>Plans unavailable</p>} />
        <PricingTable pricingTableId="prctbl_2" onError={onError} errorFallback={<p>Plans unavailable</p>} />
      </>,
      { tables: 2 },
    );
    const script = scripts(TABLE_JS)[0];
    await act(async () => {
      script?.dispatchEvent(new Event('error'));
    });
    expect(screen.getAllByText('Plans unavailable')).toHaveLength(2);
    expect(document.querySelector('stripe-pricing-table')).toBeNull();
    expect(onError).toHaveBeenCalledTimes(2);
    const error = onError.mock.calls[0]?.[0] as CustomerSessionError;
    expect(error).toBeInstanceOf(CustomerSessionError);
    expect(error.kind).toBe('network');
    expect(error.message).toContain(TABLE_JS);
    expect(scripts(TABLE_JS)).toHaveLength(0);
  });

  it('tries again on the next mount after a failure', async () => {
    const failed = loadStripeScript('stripe-buy-button');
    scripts(BUTTON_JS)[0]?.dispatchEvent(new Event('error'));
    await expect(failed).rejects.toMatchObject({ kind: 'network' });
    const retry = loadStripeScript('stripe-buy-button');
    expect(scripts(BUTTON_JS)).toHaveLength(1);
    scripts(BUTTON_JS)[0]?.dispatchEvent(new Event('load'));
    await expect(retry).resolves.toBeUndefined();
    expect(loadStripeScript('stripe-buy-button')).toBe(retry);
  });

  it('a slow script: after 30 s errorFallback and onError, but it keeps waiting; no second copy; the element renders when it loads', async () => {
    vi.useFakeTimers();
    const onError = vi.fn();
    const view = renderWithSessions(<PricingTable pricingTableId="prctbl_1" onError={onError} errorFallback={<p>Plans unavailable</p>} />, { tables: 2 });
    const [ours] = scripts(TABLE_JS);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000 - 1);
    });
    expect(onError).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ kind: 'network' });
    expect(screen.getByText('Plans unavailable')).toBeTruthy();
    expect(scripts(TABLE_JS)).toEqual([ours]);

    // Another instance, and a direct call, wait on the same script instead of adding a second copy.
    view.rerender(
      <>
        <PricingTable pricingTableId="prctbl_1" onError={onError} errorFallback={<p>Plans unavailable</p>} />
        <PricingTable pricingTableId="prctbl_2" errorFallback={<p>Plans unavailable</p>} />
      </>,
    );
    const direct = loadStripeScript('stripe-pricing-table');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    expect(scripts(TABLE_JS)).toEqual([ours]);

    await act(async () => {
      ours?.dispatchEvent(new Event('load'));
    });
    await expect(direct).resolves.toBeUndefined();
    expect(screen.queryByText('Plans unavailable')).toBeNull();
    expect(document.querySelectorAll('stripe-pricing-table')).toHaveLength(2);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('a site <script> slower than 30 s is reported, left alone and waited on, never doubled', async () => {
    vi.useFakeTimers();
    const site = document.createElement('script');
    site.src = BUTTON_JS;
    document.head.append(site);
    const onError = vi.fn();
    renderWithSessions(<BuyButton buyButtonId="buy_btn_1" onError={onError} errorFallback={<p>Button unavailable</p>} />, { buttons: 1 });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Button unavailable')).toBeTruthy();

    const again = loadStripeScript('stripe-buy-button');
    expect(scripts(BUTTON_JS)).toEqual([site]);
    await act(async () => {
      site.dispatchEvent(new Event('load'));
    });
    await expect(again).resolves.toBeUndefined();
    expect(screen.queryByText('Button unavailable')).toBeNull();
    expect(document.querySelector('stripe-buy-button')).not.toBeNull();
    expect(scripts(BUTTON_JS)).toEqual([site]);
  });

  it('a site <script> seen failing is removed and not waited on again: the next call injects its own', async () => {
    const site = document.createElement('script');
    site.src = TABLE_JS;
    document.head.append(site);
    const first = loadStripeScript('stripe-pricing-table');
    site.dispatchEvent(new Event('error'));
    await expect(first).rejects.toMatchObject({ kind: 'network' });
    expect(site.isConnected).toBe(false);
    const retry = loadStripeScript('stripe-pricing-table');
    const [ours] = scripts(TABLE_JS);
    expect(scripts(TABLE_JS)).toHaveLength(1);
    expect(ours).not.toBe(site);
    ours?.dispatchEvent(new Event('load'));
    await expect(retry).resolves.toBeUndefined();
  });

  it('skips loading when the element is already defined (stand-ins or the real script)', async () => {
    customElements.define('stripe-pricing-table', class extends HTMLElement {});
    await expect(loadStripeScript('stripe-pricing-table')).resolves.toBeUndefined();
    render(<PricingTable pricingTableId="prctbl_1" anonymous publishableKey="pk_test_1" />);
    await act(async () => {});
    expect(document.querySelector('stripe-pricing-table')).not.toBeNull();
    expect(scripts(TABLE_JS)).toHaveLength(0);
  });
});
