import { act, fireEvent, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { createStripeStandIn } from '../../src/testing/createStripeStandIn';
import { flushUntil } from '../helpers/advanceUntil';
import { renderWithProvider, type ProviderTestProps } from '../helpers/renderWithProvider';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import { button, expectSecretGone, MINUTE, nameOnCard, SECRET_ATTR, setupStorefrontSuite, Storefront, table } from './support/storefrontSuite';

const { server, clock, setup } = setupStorefrontSuite();
const OTHER_URL = '/api/other-customer-session';

describe('components under the real CustomerSessionProvider', () => {
  it('show fallbacks, then hand one session secret to each component the policy enables', async () => {
    const policy = { payment_element: { enabled: true }, pricing_table: { enabled: true } };
    const { endpoint, stripe } = setup({ policy }, ['payment_element', 'pricing_table']);
    expect(screen.getByText('checkout loading')).toBeTruthy();
    expect(screen.getByText('plans loading')).toBeTruthy();
    expect(stripe.calls.elements).toEqual([]);

    await flushUntil(() => table() !== null && stripe.calls.elements.length > 0);
    const secret = table()?.getAttribute(SECRET_ATTR);
    expect(secret).toMatch(/^cuss_secret_/);
    expect(stripe.calls.elements).toEqual([{ mode: 'payment', amount: 2400, currency: 'usd', customerSessionClientSecret: secret }]);
    expect(table()?.getAttribute('publishable-key')).toBe('pk_test_provider');
    expect(button()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.body).toEqual({ components: ['payment_element', 'pricing_table'] });
  });

  it('follow the provider’s refresh: Elements updates in place at once, the pricing table at the end of its window', async () => {
    const { endpoint, stripe } = setup();
    await flushUntil(() => table() !== null && stripe.calls.elements.length > 0);
    const firstSecret = stripe.calls.elements[0]?.customerSessionClientSecret;
    const firstTable = table();

    // The provider refreshes 5 minutes before the 30-minute expiry.
    await clock.advance(25 * MINUTE);
    await flushUntil(() => stripe.calls.update.length > 0);
    const secondSecret = stripe.calls.update[0]?.customerSessionClientSecret;
    expect(secondSecret).toMatch(/^cuss_secret_/);
    expect(secondSecret).not.toBe(firstSecret);
    expect(stripe.calls.elements).toHaveLength(1);
    expect(table()).toBe(firstTable);
    expect(firstTable?.getAttribute(SECRET_ATTR)).toBe(firstSecret);

    await clock.advance(4 * MINUTE);
    expect(table()).not.toBe(firstTable);
    expect(table()?.getAttribute(SECRET_ATTR)).toBe(secondSecret);
    expect(button()?.getAttribute(SECRET_ATTR)).toBe(secondSecret);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('render anonymously and report through onError when the endpoint refuses', async () => {
    const onError = vi.fn();
    const endpoint = createSessionEndpoint();
    endpoint.queue(() => Response.json({ error: { type: 'invalid_request_error', message: 'Not signed in' } }, { status: 401 }));
    server.use(endpoint.handler);
    const stripe = createStripeStandIn();
    renderWithProvider(<Storefront onError={onError} />, { components: ['payment_element', 'pricing_table', 'buy_button'], stripe, publishableKey: 'pk_test_provider' });

    await flushUntil(() => table() !== null && stripe.calls.elements.length > 0);
    expect(stripe.calls.elements[0]).not.toHaveProperty('customerSessionClientSecret');
    expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(button()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(onError).toHaveBeenCalledTimes(3);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ kind: 'http', status: 401 });
  });

  it('render anonymously at once, with no request and no warning, when the provider is disabled (signed-out visitor)', async () => {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    const stripe = createStripeStandIn();
    const view = renderWithProvider(<Storefront />, { components: ['payment_element', 'pricing_table', 'buy_button'], stripe, publishableKey: 'pk_test_provider', enabled: false });

    await flushUntil(() => table() !== null && button() !== null && stripe.calls.elements.length > 0);
    expect(screen.queryByText('checkout loading')).toBeNull();
    expect(stripe.calls.elements[0]).not.toHaveProperty('customerSessionClientSecret');
    expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(endpoint.requests).toHaveLength(0);
    expect(console.warn).not.toHaveBeenCalled();

    // Signing in turns the session on: the secret reaches Elements in place and the table is re-created with it.
    view.rerenderWith({ enabled: true });
    await flushUntil(() => stripe.calls.update.length > 0 && table()?.hasAttribute(SECRET_ATTR) === true);
    expect(stripe.calls.elements).toHaveLength(1);
    expect(stripe.calls.update[0]?.customerSessionClientSecret).toBe(table()?.getAttribute(SECRET_ATTR));
    expect(endpoint.requests).toHaveLength(1);
  });

  describe('a new components list or endpoint is a new session for the same customer, not a sign-out', () => {
    it.each([
      ['components gain buy_button', { components: ['payment_element', 'pricing_table', 'buy_button'] } as ProviderTestProps],
      ['the endpoint changes', { endpoint: OTHER_URL } as ProviderTestProps],
    ])('%s: Elements updates in place, the pricing table keeps its secret until its window closes', async (_name, change) => {
      const other = createSessionEndpoint({ url: OTHER_URL });
      server.use(other.handler);
      const { endpoint, stripe, view } = setup({}, ['payment_element', 'pricing_table']);
      await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && button() !== null && stripe.calls.elements.length > 0);
      const first = table()?.getAttribute(SECRET_ATTR);
      const firstTable = table();
      const firstButton = button();
      fireEvent.change(nameOnCard(), { target: { value: 'Jenny Rosen' } });

      view.rerenderWith(change);
      await flushUntil(() => stripe.calls.update.length > 0);
      const second = stripe.calls.update[0]?.customerSessionClientSecret;
      expect(second).toMatch(/^cuss_secret_/);
      expect(second).not.toBe(first);
      expect(endpoint.requests.length + other.requests.length).toBe(2);
      expect(stripe.calls.elements).toHaveLength(1);
      expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: second }]);
      expect(nameOnCard().value).toBe('Jenny Rosen');
      expect(table()).toBe(firstTable);
      expect(table()?.getAttribute(SECRET_ATTR)).toBe(first);
      if (change.components) {
        // The button had no secret (the old session did not enable it), so it takes the new one at once.
        expect(button()?.getAttribute(SECRET_ATTR)).toBe(second);
      } else {
        expect(button()).toBe(firstButton);
        expect(button()?.hasAttribute(SECRET_ATTR)).toBe(false);
      }

      // The table switches when its rendered secret's window is due, as for any rotation.
      await clock.advance(29 * MINUTE);
      expect(table()).not.toBe(firstTable);
      expect(table()?.getAttribute(SECRET_ATTR)).toBe(stripe.calls.update.at(-1)?.customerSessionClientSecret);
      expect(stripe.calls.elements).toHaveLength(1);
      expect(nameOnCard().value).toBe('Jenny Rosen');
    });

    it('a sign-out after the change still drops the secret at once', async () => {
      const appQueryClient = new QueryClient();
      const { stripe, view } = setup({}, ['payment_element', 'pricing_table'], { appQueryClient });
      await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && stripe.calls.elements.length > 0);
      const first = table()?.getAttribute(SECRET_ATTR);
      view.rerenderWith({ components: ['payment_element', 'pricing_table', 'buy_button'] });
      await flushUntil(() => stripe.calls.update.length > 0);
      const second = stripe.calls.update[0]?.customerSessionClientSecret;

      act(() => appQueryClient.removeQueries());
      await flushUntil(() => stripe.calls.elements.length > 1);
      expectSecretGone(stripe, first);
      expectSecretGone(stripe, second);
    });
  });
});
