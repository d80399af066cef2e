import { render, screen } from '@testing-library/react';
import { createRef, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { CustomerSessionError } from '../../src/core/errors';
import type { ComponentName } from '../../src/core/componentNames';
import { maskClientSecret } from '../../src/testing/maskClientSecret';
import { BuyButton } from '../../src/react/webComponents';
import { PricingTable } from '../../src/react/webComponents';
import { defineStripeWebComponentStandIns } from '../../src/testing/defineStripeWebComponentStandIns';
import { flushUntil } from '../helpers/advanceUntil';
import { renderWithProvider } from '../helpers/renderWithProvider';
import { createSessionEndpoint, type SessionEndpointOptions } from '../helpers/sessionEndpoint';
import { makeSession, renderWithSessionState } from '../helpers/renderWithSessionState';
import { createdSessions, SECRET_ATTR, setupStorefrontSuite } from './support/storefrontSuite';

const table = () => document.querySelector('stripe-pricing-table');
const button = () => document.querySelector('stripe-buy-button');
const bothHaveSecrets = () => table()?.hasAttribute(SECRET_ATTR) === true && button()?.hasAttribute(SECRET_ATTR) === true;

function Storefront(props: { onError?: (error: CustomerSessionError) => void }) {
  return (
    <>
      <PricingTable pricingTableId="prctbl_123" fallback={<p>Loading plans…</p>} clientReferenceId="user_42" onError={props.onError} />
      <BuyButton buyButtonId="buy_btn_456" fallback={<p>Loading button…</p>} onError={props.onError} />
    </>
  );
}

// MSW over the real handler and emulator, a fake clock, the stand-ins, fresh warn-once keys, console.warn muted and spied.
const { server } = setupStorefrontSuite();
const warn = () => vi.mocked(console.warn);

/** Renders `ui` under the real provider (publishable key pk_test_components) over the real endpoint. */
function renderServed(ui: ReactElement, components: ComponentName[] = ['pricing_table', 'buy_button'], endpointOptions: SessionEndpointOptions = {}, publishableKey = 'pk_test_components') {
  const endpoint = createSessionEndpoint(endpointOptions);
  server.use(endpoint.handler);
  return { endpoint, view: renderWithProvider(ui, { components, publishableKey }) };
}

describe.each([
  ['pricing_table', table, button],
  ['buy_button', button, table],
] as const)('when the session enables only %s', (component, enabledElement, otherElement) => {
  it('gives that element a secret of its own and the other none, and warns once about the other', async () => {
    // The provider asks for a session enabling `component` alone; the other element waits for it, then renders for a guest.
    const { endpoint } = renderServed(<Storefront />, [component]);
    await flushUntil(() => enabledElement()?.hasAttribute(SECRET_ATTR) === true && otherElement() !== null);
    expect(enabledElement()?.getAttribute(SECRET_ATTR)).toMatch(/^cuss_secret_/);
    expect(otherElement()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(otherElement()?.getAttribute('publishable-key')).toBe('pk_test_components');
    expect(warn()).toHaveBeenCalledTimes(1);
    expect(String(warn().mock.calls[0]?.[0])).toContain(component === 'pricing_table' ? 'buy_button' : 'pricing_table');
    // The provider's session and the element's own, each enabling `component` alone; nothing for the other.
    expect(createdSessions(endpoint)).toEqual([[component], [component]]);
    expect(endpoint.requests).toHaveLength(1);
  });
});

describe('PricingTable and BuyButton', () => {
  it('render Stripe attributes: ids, publishable key from the provider, client reference id', async () => {
    renderServed(<Storefront />, undefined, {}, 'pk_test_provider');
    await flushUntil(bothHaveSecrets);
    expect(table()?.getAttribute('pricing-table-id')).toBe('prctbl_123');
    expect(table()?.getAttribute('publishable-key')).toBe('pk_test_provider');
    expect(table()?.getAttribute('client-reference-id')).toBe('user_42');
    expect(button()?.getAttribute('buy-button-id')).toBe('buy_btn_456');
    expect(button()?.hasAttribute('customer-email')).toBe(false);
  });

  it('forward ref, id, className, style, data-* and aria-* to the custom element; publishableKey prop wins', async () => {
    const ref = createRef<HTMLElement>();
    renderServed(
      <PricingTable
        ref={ref}
        pricingTableId="prctbl_1"
        publishableKey="pk_test_prop"
        id="plans"
        className="ds-plans"
        style={{ marginTop: 12 }}
        data-testid="plans"
        data-variant="wide"
        aria-label="Plans for your account"
      />,
      ['pricing_table'],
    );
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true);
    const element = screen.getByTestId('plans');
    expect(ref.current).toBe(element);
    expect(element.tagName.toLowerCase()).toBe('stripe-pricing-table');
    expect(element.id).toBe('plans');
    expect(element.className).toBe('ds-plans');
    expect(element.style.marginTop).toBe('12px');
    expect(element.dataset.variant).toBe('wide');
    expect(element.getAttribute('aria-label')).toBe('Plans for your account');
    expect(element.getAttribute('publishable-key')).toBe('pk_test_prop');
  });

  it('render the fallback while pending and never an element without the secret', async () => {
    // Every Stripe element ever inserted, with the secret it had when inserted.
    const added = new Map<Element, string | null>();
    const selector = 'stripe-pricing-table, stripe-buy-button';
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          for (const element of [node, ...node.querySelectorAll(selector)]) {
            if (element.matches(selector) && !added.has(element)) added.set(element, element.getAttribute(SECRET_ATTR));
          }
        }
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const held = endpoint.hold();
    renderWithProvider(<Storefront />, { components: ['pricing_table', 'buy_button'], publishableKey: 'pk_test_components' });
    await flushUntil(() => endpoint.requests.length === 1);
    expect(screen.getByText('Loading plans…')).toBeTruthy();
    expect(screen.getByText('Loading button…')).toBeTruthy();
    expect(table()).toBeNull();

    held.resolve();
    await flushUntil(bothHaveSecrets);
    await Promise.resolve();
    observer.disconnect();
    expect(screen.queryByText('Loading plans…')).toBeNull();
    const secrets = [...added.values()];
    expect(secrets).toEqual([table()?.getAttribute(SECRET_ATTR), button()?.getAttribute(SECRET_ATTR)]);
    expect(secrets[0]).toMatch(/^cuss_secret_/);
    expect(secrets[1]).toMatch(/^cuss_secret_/);
    expect(secrets[0]).not.toBe(secrets[1]);
  });

  // The provider's session failed and the elements were not declared in its components: they never ask for their own.
  it('render anonymously on a session error and call onError once per component', () => {
    const onError = vi.fn();
    const error = new CustomerSessionError('network', 'offline');
    const view = renderWithSessionState(<Storefront onError={onError} />, { session: { status: 'error', error } });
    view.rerender(<Storefront onError={onError} />);
    expect(table()).not.toBeNull();
    expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(button()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(onError.mock.calls).toEqual([[error], [error]]);
  });

  it('without onError, say so once in development: a failure would otherwise only show as a guest element', () => {
    const error = new CustomerSessionError('http', 'Customer Session endpoint answered HTTP 500', { status: 500 });
    const view = renderWithSessionState(<Storefront />, { session: { status: 'error', error } });
    view.rerender(<Storefront />);
    expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);
    // Two components, one kind of failure: one warning, naming the failure and onError.
    expect(warn()).toHaveBeenCalledTimes(1);
    expect(String(warn().mock.calls[0]?.[0])).toMatch(/failed \(http\): Customer Session endpoint answered HTTP 500.*onError/);
    view.unmount();
    warn().mockClear();
    renderWithSessionState(<Storefront onError={() => {}} />, { session: { status: 'error', error: new CustomerSessionError('network', 'offline') } }).unmount();
    expect(warn()).not.toHaveBeenCalled();
    // Another failure of the same kind is told too (Stripe's script, after the endpoint's network failure).
    renderWithSessionState(<Storefront />, { session: { status: 'error', error: new CustomerSessionError('http', 'Customer Session endpoint answered HTTP 502', { status: 502 }) } });
    expect(warn()).toHaveBeenCalledTimes(1);
    expect(String(warn().mock.calls[0]?.[0])).toContain('HTTP 502');
  });

  it('without onError, say nothing of a 401 or 403: the endpoint\'s "nobody is signed in", a guest', () => {
    for (const status of [401, 403]) {
      renderWithSessionState(<Storefront />, { session: { status: 'error', error: new CustomerSessionError('http', `HTTP ${status}`, { status }) } }).unmount();
    }
    expect(warn()).not.toHaveBeenCalled();
  });

  it('with anonymous, pass customer-email and never the secret, even when the session enables it', () => {
    const session = makeSession(['pricing_table']);
    renderWithSessionState(<PricingTable pricingTableId="prctbl_1" anonymous customerEmail="jenny@example.com" />, {
      session: { status: 'ready', session },
    });
    expect(table()?.getAttribute('customer-email')).toBe('jenny@example.com');
    expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(table()?.getAttribute('publishable-key')).toBe('pk_test_components');
    expect(warn()).not.toHaveBeenCalled();
  });

  it('work outside a provider only when anonymous with a publishableKey', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { unmount } = renderWithoutProvider(<PricingTable pricingTableId="prctbl_1" anonymous publishableKey="pk_test_x" />);
    expect(table()?.getAttribute('publishable-key')).toBe('pk_test_x');
    unmount();
    // Named as the app wrote them, not by Stripe's tag.
    expect(() => renderWithoutProvider(<PricingTable pricingTableId="prctbl_1" />)).toThrow(/^<PricingTable> must be used inside <CustomerSessionProvider>/);
    expect(() => renderWithoutProvider(<BuyButton buyButtonId="buy_btn_1" />)).toThrow(/^<BuyButton> must be used inside <CustomerSessionProvider>/);
    expect(() => renderWithoutProvider(<PricingTable pricingTableId="prctbl_1" anonymous />)).toThrow(/^<PricingTable> needs a publishableKey/);
  });

  it('never put a secret or restricted key in the page: a key mixed up in the environment fails the render, and the error does not quote it', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const key of ['sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'rk_live_51AbcRestricted']) {
      const attempts = [
        () => renderWithoutProvider(<PricingTable pricingTableId="prctbl_1" anonymous publishableKey={key} />),
        () => renderToString(<BuyButton buyButtonId="buy_btn_1" anonymous publishableKey={key} />),
      ];
      for (const attempt of attempts) {
        let thrown: unknown;
        try {
          attempt();
        } catch (error) {
          thrown = error;
        }
        expect(String(thrown)).toMatch(/^Error: <(PricingTable|BuyButton)> was given a secret or restricted key/);
        expect(String(thrown)).not.toContain(key);
      }
      expect(document.body.innerHTML).not.toContain(key);
    }
  });

  it('stand-ins show the masked secret, never the whole one', async () => {
    renderServed(<Storefront />);
    await flushUntil(bothHaveSecrets);
    const secret = table()?.getAttribute(SECRET_ATTR) ?? '';
    const card = screen.getByRole('group', { name: 'Pricing table (stand-in)' });
    expect(card.textContent).toContain(maskClientSecret(secret));
    expect(document.body.textContent).not.toContain(secret);
    expect(document.body.textContent).not.toContain(button()?.getAttribute(SECRET_ATTR));
    expect(screen.getByRole('group', { name: 'Buy button (stand-in)' }).textContent).toContain('buy_btn_456');
  });

  it('defineStripeWebComponentStandIns is idempotent and leaves defined tags alone', () => {
    const before = customElements.get('stripe-pricing-table');
    expect(defineStripeWebComponentStandIns()).toEqual([]);
    expect(customElements.get('stripe-pricing-table')).toBe(before);
  });

  it('raw JSX: both tags render as written, attributes verbatim (typing: componentTypes.test-d.ts)', () => {
    const secret = 'cuss_secret_raw';
    renderWithoutProvider(
      <>
        <stripe-pricing-table pricing-table-id="prctbl_raw" publishable-key="pk_test_raw" customer-session-client-secret={secret} />
        <stripe-buy-button buy-button-id="buy_btn_raw" publishable-key="pk_test_raw" customer-email="jenny@example.com" client-reference-id="user_7" className="ds-buy" />
      </>,
    );
    expect(table()?.getAttribute('pricing-table-id')).toBe('prctbl_raw');
    expect(table()?.getAttribute(SECRET_ATTR)).toBe(secret);
    expect(button()?.getAttribute('buy-button-id')).toBe('buy_btn_raw');
    expect(button()?.getAttribute('customer-email')).toBe('jenny@example.com');
    expect(button()?.getAttribute('client-reference-id')).toBe('user_7');
    expect(button()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(screen.getByRole('group', { name: 'Buy button (stand-in)' }).textContent).toContain('buy_btn_raw');
  });
});

function renderWithoutProvider(ui: React.ReactElement) {
  return render(ui);
}
