import { fireEvent, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StripeElementsOptionsMode } from '@stripe/stripe-js';
import { createEmulatorStripeClient } from '../../src/testing/createEmulatorStripeClient';
import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { createStripeStandIn } from '../../src/testing/createStripeStandIn';
import { defineStripeWebComponentStandIns, type StripeWebComponentStandIn } from '../../src/testing/defineStripeWebComponentStandIns';
import { maskClientSecret } from '../../src/testing/maskClientSecret';
import { pageSecretLedger } from '../../src/testing/rules/createStripeSecretLedger';

// These tests break Stripe's rules on purpose: each asserts what was reported, then resets the
// page ledger so the suite-wide afterEach (test/setup/dom.ts) only sees what nobody expected.
const minute = 60_000;

beforeAll(() => {
  defineStripeWebComponentStandIns();
});

async function setup() {
  const emulator = createStripeEmulator();
  emulator.clock.set(Date.UTC(2026, 11, 2, 9, 0, 0));
  const customer = emulator.createCustomer().id;
  const client = createEmulatorStripeClient(emulator);
  const secret = async () => (await client.customerSessions.create({ customer, components: { payment_element: { enabled: true }, pricing_table: { enabled: true }, buy_button: { enabled: true } } })).client_secret;
  return { emulator, secret };
}

function connect(tag: 'stripe-buy-button' | 'stripe-pricing-table', secret: string, id = 'x_1'): StripeWebComponentStandIn {
  const element = document.createElement(tag) as StripeWebComponentStandIn;
  element.setAttribute(tag === 'stripe-buy-button' ? 'buy-button-id' : 'pricing-table-id', id);
  element.setAttribute('customer-session-client-secret', secret);
  document.body.append(element);
  return element;
}

function mountPaymentElement(stripe: ReturnType<typeof createStripeStandIn>, options: StripeElementsOptionsMode) {
  const elements = stripe.elements(options);
  const node = document.createElement('div');
  document.body.append(node);
  elements.create('payment').mount(node);
  return elements;
}

function quietConsole() {
  return vi.spyOn(console, 'error').mockImplementation(() => {});
}

afterEach(() => {
  document.body.replaceChildren();
  pageSecretLedger.reset();
});

describe('the web-component stand-ins report broken rules', () => {
  it('two buy buttons with one secret: the second reports single-use, on the console, in violations and on screen', async () => {
    const errors = quietConsole();
    const secret = await (await setup()).secret();
    const first = connect('stripe-buy-button', secret, 'buy_btn_a');
    const second = connect('stripe-buy-button', secret, 'buy_btn_b');
    expect(first.violations).toEqual([]);
    expect(second.violations).toEqual([expect.objectContaining({ rule: 'single-use', secret: maskClientSecret(secret), firstRenderedIn: expect.stringContaining('buy-button-id="buy_btn_a"') })]);
    expect(pageSecretLedger.violations).toEqual(second.violations);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^Stripe rule broken: single-use \(https:\/\/docs\.stripe\.com\/api\/customer_sessions\/create\)/));

    const [quiet, loud] = screen.getAllByRole('group', { name: 'Buy button (stand-in)' });
    expect(within(quiet!).queryByRole('note')).toBeNull();
    const warning = within(loud!).getByRole('note', { name: 'Stripe rule broken' });
    expect(warning.textContent).toContain('single-use');
    expect(warning.textContent).toContain(maskClientSecret(secret));
    expect(within(warning).getByRole('link', { name: 'Stripe docs' }).getAttribute('href')).toBe('https://docs.stripe.com/api/customer_sessions/create');
    expect(document.body.textContent).not.toContain(secret);
  });

  it('a pricing table re-connected with the secret it rendered reports a second render', async () => {
    quietConsole();
    const secret = await (await setup()).secret();
    const table = connect('stripe-pricing-table', secret);
    table.remove();
    document.body.append(table);
    expect(table.violations.map((violation) => violation.message)).toEqual([expect.stringContaining('a second time')]);
    expect(within(table).getByRole('note').textContent).toContain('a second time');
  });

  it('a secret put in more than 30 minutes after created is reported on the emulator’s clock, citing the pricing table guide', async () => {
    quietConsole();
    const { emulator, secret } = await setup();
    const late = await secret();
    emulator.clock.advance(31 * minute);
    const table = connect('stripe-pricing-table', late);
    expect(table.violations).toEqual([expect.objectContaining({ rule: 'render-within-30-minutes', docs: 'https://docs.stripe.com/payments/checkout/pricing-table', time: emulator.clock.now() })]);
  });

  it('a checkout more than 30 minutes after the render is reported, and the stand-in says what Stripe would do', async () => {
    quietConsole();
    const { emulator, secret } = await setup();
    const button = connect('stripe-buy-button', await secret());
    emulator.clock.advance(30 * minute);
    fireEvent.click(within(button).getByRole('button', { name: 'Buy now' }));
    expect(button.violations).toEqual([]);
    emulator.clock.advance(1_000);
    fireEvent.click(within(button).getByRole('button', { name: 'Buy now' }));
    expect(button.violations).toEqual([expect.objectContaining({ rule: 'use-within-30-minutes-of-render', action: 'checkout', docs: 'https://docs.stripe.com/payment-links/buy-button' })]);
    expect(within(button).getByRole('status').textContent).toBe('Checkout would fail: the Customer Session has expired.');
  });
});

describe('the Stripe.js stand-in reports broken rules, in the ledger it shares with the web components', () => {
  it('a secret a pricing table rendered, then given to Elements, is a second element', async () => {
    quietConsole();
    const { secret } = await setup();
    const shared = await secret();
    connect('stripe-pricing-table', shared, 'prctbl_1');
    const stripe = createStripeStandIn();
    mountPaymentElement(stripe, { mode: 'payment', amount: 100, currency: 'usd', customerSessionClientSecret: shared });
    expect(stripe.violations).toEqual([expect.objectContaining({ rule: 'single-use', element: 'stripe.elements() #1', firstRenderedIn: expect.stringContaining('prctbl_1') })]);
    const paymentElement = screen.getByRole('group', { name: 'Payment Element (stand-in)' });
    expect(within(paymentElement).getByRole('note', { name: 'Stripe rule broken' }).textContent).toContain('single-use');
  });

  it('rotation in place with a new secret is fine; updating to the same secret is no render; a secret rendered before is', async () => {
    quietConsole();
    const { secret } = await setup();
    const [first, second] = [await secret(), await secret()];
    const stripe = createStripeStandIn();
    const elements = mountPaymentElement(stripe, { mode: 'payment', amount: 100, currency: 'usd', customerSessionClientSecret: first });
    await elements.update({ customerSessionClientSecret: first });
    await elements.update({ customerSessionClientSecret: second });
    expect(stripe.violations).toEqual([]);
    await elements.update({ customerSessionClientSecret: first });
    expect(stripe.violations.map((violation) => violation.rule)).toEqual(['single-use']);
  });

  it('an Elements group never mounted renders nothing (StrictMode’s discarded render); a second mounted group with the same secret does', async () => {
    quietConsole();
    const { secret } = await setup();
    const shared = await secret();
    const stripe = createStripeStandIn();
    const options = { mode: 'payment' as const, amount: 100, currency: 'usd', customerSessionClientSecret: shared };
    stripe.elements(options);
    mountPaymentElement(stripe, options);
    expect(stripe.violations).toEqual([]);
    mountPaymentElement(stripe, options);
    expect(stripe.violations).toEqual([expect.objectContaining({ rule: 'single-use', element: 'stripe.elements() #3', firstRenderedIn: 'stripe.elements() #2' })]);
  });

  it('a confirmation more than 30 minutes after the render is reported on the emulator’s clock, and fails as Stripe’s would', async () => {
    quietConsole();
    const { emulator, secret } = await setup();
    const stripe = createStripeStandIn({ emulator });
    const elements = mountPaymentElement(stripe, { mode: 'payment', amount: 100, currency: 'usd', customerSessionClientSecret: await secret() });
    emulator.clock.advance(31 * minute);
    const result = await stripe.confirmPayment({ elements, redirect: 'if_required' });
    expect(result.error?.code).toBe('customer_session_expired');
    expect(stripe.violations).toEqual([expect.objectContaining({ rule: 'use-within-30-minutes-of-render', action: 'confirmPayment', docs: 'https://docs.stripe.com/api/customer_sessions/create' })]);
  });
});
