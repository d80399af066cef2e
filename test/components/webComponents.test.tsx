import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CustomerSessionError } from '../../src/core/errors';
import { maskClientSecret } from '../../src/params/maskClientSecret';
import { BuyButton } from '../../src/react/webComponents';
import { PricingTable } from '../../src/react/webComponents';
import { resetWarnings } from '../../src/core/warnings';
import { defineStripeWebComponentStandIns } from '../../src/testing/defineStripeWebComponentStandIns';
import { makeSession, renderWithSessionState } from '../helpers/renderWithSessionState';

const SECRET_ATTR = 'customer-session-client-secret';
const table = () => document.querySelector('stripe-pricing-table');
const button = () => document.querySelector('stripe-buy-button');

function Storefront(props: { onError?: (error: CustomerSessionError) => void }) {
  return (
    <>
      <PricingTable pricingTableId="prctbl_123" fallback={<p>Loading plans…</p>} clientReferenceId="user_42" onError={props.onError} />
      <BuyButton buyButtonId="buy_btn_456" fallback={<p>Loading button…</p>} onError={props.onError} />
    </>
  );
}

let warn: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  defineStripeWebComponentStandIns();
});
beforeEach(() => {
  resetWarnings();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe.each([
  ['pricing_table', table, button],
  ['buy_button', button, table],
] as const)('when the session enables only %s', (component, enabledElement, otherElement) => {
  it('gives that element the secret and the other none, and warns once about the other', async () => {
    const session = makeSession([component]);
    const view = renderWithSessionState(<Storefront />, { session: { status: 'ready', session } });
    view.rerender(<Storefront />);
    expect(enabledElement()?.getAttribute(SECRET_ATTR)).toBe(session.client_secret);
    expect(otherElement()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(otherElement()?.getAttribute('publishable-key')).toBe('pk_test_components');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain(component === 'pricing_table' ? 'buy_button' : 'pricing_table');
  });
});

describe('PricingTable and BuyButton', () => {
  it('render Stripe attributes: ids, publishable key from the provider, client reference id', () => {
    const session = makeSession(['pricing_table', 'buy_button']);
    renderWithSessionState(<Storefront />, { session: { status: 'ready', session }, publishableKey: 'pk_test_provider' });
    expect(table()?.getAttribute('pricing-table-id')).toBe('prctbl_123');
    expect(table()?.getAttribute('publishable-key')).toBe('pk_test_provider');
    expect(table()?.getAttribute('client-reference-id')).toBe('user_42');
    expect(button()?.getAttribute('buy-button-id')).toBe('buy_btn_456');
    expect(button()?.hasAttribute('customer-email')).toBe(false);
  });

  it('forward ref, id, className, style and data-* to the custom element; publishableKey prop wins', () => {
    const ref = createRef<HTMLElement>();
    renderWithSessionState(
      <PricingTable
        ref={ref}
        pricingTableId="prctbl_1"
        publishableKey="pk_test_prop"
        id="plans"
        className="ds-plans"
        style={{ marginTop: 12 }}
        data-testid="plans"
        data-variant="wide"
      />,
      { session: { status: 'ready', session: makeSession(['pricing_table']) } },
    );
    const element = screen.getByTestId('plans');
    expect(ref.current).toBe(element);
    expect(element.tagName.toLowerCase()).toBe('stripe-pricing-table');
    expect(element.id).toBe('plans');
    expect(element.className).toBe('ds-plans');
    expect(element.style.marginTop).toBe('12px');
    expect(element.dataset.variant).toBe('wide');
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
    const view = renderWithSessionState(<Storefront />, { session: { status: 'pending' } });
    expect(screen.getByText('Loading plans…')).toBeTruthy();
    expect(screen.getByText('Loading button…')).toBeTruthy();
    expect(table()).toBeNull();

    const session = makeSession(['pricing_table', 'buy_button']);
    view.setSession({ status: 'ready', session });
    await Promise.resolve();
    observer.disconnect();
    expect(screen.queryByText('Loading plans…')).toBeNull();
    expect([...added.values()]).toEqual([session.client_secret, session.client_secret]);
  });

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

  it('with anonymous, pass customer-email and never the secret, even when the session enables it', () => {
    const session = makeSession(['pricing_table']);
    renderWithSessionState(<PricingTable pricingTableId="prctbl_1" anonymous customerEmail="jenny@example.com" />, {
      session: { status: 'ready', session },
    });
    expect(table()?.getAttribute('customer-email')).toBe('jenny@example.com');
    expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(warn).not.toHaveBeenCalled();
  });

  it('work outside a provider only when anonymous with a publishableKey', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { unmount } = renderWithoutProvider(<PricingTable pricingTableId="prctbl_1" anonymous publishableKey="pk_test_x" />);
    expect(table()?.getAttribute('publishable-key')).toBe('pk_test_x');
    unmount();
    expect(() => renderWithoutProvider(<PricingTable pricingTableId="prctbl_1" />)).toThrow(/CustomerSessionProvider/);
    expect(() => renderWithoutProvider(<PricingTable pricingTableId="prctbl_1" anonymous />)).toThrow(/publishableKey/);
  });

  it('stand-ins show the masked secret, never the whole one', () => {
    const session = makeSession(['pricing_table', 'buy_button']);
    renderWithSessionState(<Storefront />, { session: { status: 'ready', session } });
    const card = screen.getByRole('group', { name: 'Pricing table (stand-in)' });
    expect(card.textContent).toContain(maskClientSecret(session.client_secret));
    expect(document.body.textContent).not.toContain(session.client_secret);
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
