import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { maskClientSecret } from '../../src/params/maskClientSecret';
import { defineStripeWebComponentStandIns } from '../../src/testing/defineStripeWebComponentStandIns';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';

beforeAll(() => {
  defineStripeWebComponentStandIns();
});

function mount(tag: string, attributes: Record<string, string>): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  return element;
}

describe('the pricing table and buy button stand-ins', () => {
  it('show plans with prices and the customer signed in, with the attributes Stripe receives in a details panel', () => {
    const { client_secret: secret } = makeCustomerSession();
    const element = mount('stripe-pricing-table', { 'pricing-table-id': 'prctbl_1', 'publishable-key': 'pk_test_1', 'customer-session-client-secret': secret });
    const table = screen.getByRole('group', { name: 'Pricing table (stand-in)' });
    expect(within(table).getAllByRole('group', { name: / plan$/ }).map((plan) => plan.getAttribute('aria-label'))).toEqual(['Starter plan', 'Pro plan', 'Team plan']);
    expect(within(table).getByRole('group', { name: 'Pro plan' }).textContent).toContain('$29');
    expect(within(table).getByText('Signed in')).toBeTruthy();
    const panel = table.querySelector('details');
    expect(panel?.open).toBe(false);
    expect(panel?.textContent).toContain('pricing-table-idprctbl_1');
    expect(panel?.textContent).toContain(`customer-session-client-secret${maskClientSecret(secret)}`);
    expect(document.body.textContent).not.toContain(secret);
    element.remove();
  });

  it('show a guest without a session, with the email Stripe would prefill', () => {
    const element = mount('stripe-buy-button', { 'buy-button-id': 'buy_btn_1', 'publishable-key': 'pk_test_1', 'customer-email': 'jenny@example.com' });
    const button = screen.getByRole('group', { name: 'Buy button (stand-in)' });
    expect(within(button).getByRole('button', { name: 'Buy now' })).toBeTruthy();
    expect(within(button).queryByText('Signed in')).toBeNull();
    expect(button.textContent).toContain('Guest: no customer session · jenny@example.com');
    element.remove();
  });
});
