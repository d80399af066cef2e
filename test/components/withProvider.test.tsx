import { act, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { createStripeStandIn } from '../../src/testing/createStripeStandIn';
import { flushUntil } from '../helpers/advanceUntil';
import { providerTree, renderWithProvider, type ProviderTestProps } from '../helpers/renderWithProvider';
import { BuyButton, PricingTable } from '../../src/react/webComponents';
import { createSessionEndpoint } from '../helpers/sessionEndpoint';
import {
  button,
  createdSessions,
  expectSecretGone,
  MINUTE,
  nameOnCard,
  renderedSecrets,
  SECRET_ATTR,
  sessionSet,
  setupStorefrontSuite,
  Storefront,
  table,
} from './support/storefrontSuite';

const { server, clock, setup } = setupStorefrontSuite();
const OTHER_URL = '/api/other-customer-session';

describe('components under the real CustomerSessionProvider', () => {
  it('show fallbacks, then give each component the policy enables a session of its own, enabling it alone, all in one request', async () => {
    const policy = { payment_element: { enabled: true }, pricing_table: { enabled: true } };
    const { endpoint, stripe } = setup({ policy }, ['payment_element', 'pricing_table']);
    expect(screen.getByText('checkout loading')).toBeTruthy();
    expect(screen.getByText('plans loading')).toBeTruthy();
    expect(stripe.calls.elements).toEqual([]);

    await flushUntil(() => table() !== null && button() !== null && stripe.calls.elements.length > 0);
    const secrets = renderedSecrets(stripe);
    expect(secrets.table).toMatch(/^cuss_secret_/);
    expect(secrets.elements).toMatch(/^cuss_secret_/);
    expect(secrets.elements).not.toBe(secrets.table);
    expect(stripe.calls.elements).toEqual([{ mode: 'payment', amount: 2400, currency: 'usd', customerSessionClientSecret: secrets.elements }]);
    expect(table()?.getAttribute('publishable-key')).toBe('pk_test_provider');
    // The provider's session does not enable buy_button: the button asks for nothing and renders for a guest.
    expect(button()?.hasAttribute(SECRET_ATTR)).toBe(false);
    // The provider's state session and each element's own, in the one request of the commit.
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.body).toHaveProperty('sessions');
    expect(sessionSet(endpoint.requests[0])).toEqual(['payment_element', 'payment_element+pricing_table', 'pricing_table']);
    // Least privilege: an element's session enables its component only.
    expect(sessionSet(createdSessions(endpoint))).toEqual(['payment_element', 'payment_element+pricing_table', 'pricing_table']);
  });

  it('follow their own sessions’ refresh: Elements updates in place, the web components are re-created, never sharing a secret', async () => {
    const { endpoint, stripe } = setup();
    await flushUntil(() => table() !== null && button() !== null && stripe.calls.elements.length > 0);
    const first = renderedSecrets(stripe);
    expect(new Set([first.elements, first.table, first.button]).size).toBe(3);
    const firstTable = table();
    const firstButton = button();
    expect(createdSessions(endpoint)).toHaveLength(4);

    // Each session refreshes 5 minutes before its 30-minute expiry.
    await clock.advance(24 * MINUTE);
    expect(table()).toBe(firstTable);
    expect(button()).toBe(firstButton);
    await clock.advance(MINUTE);
    await flushUntil(() => stripe.calls.update.length > 0 && createdSessions(endpoint).length === 8 && table() !== firstTable && button() !== firstButton);
    const second = stripe.calls.update[0]?.customerSessionClientSecret;
    expect(second).toMatch(/^cuss_secret_/);
    expect(second).not.toBe(first.elements);
    expect(stripe.calls.elements).toHaveLength(1);
    expect(firstTable?.isConnected).toBe(false);
    const now = renderedSecrets(stripe);
    expect(now.table).toMatch(/^cuss_secret_/);
    expect(now.button).toMatch(/^cuss_secret_/);
    // Six secrets rendered in all, each into one element, once.
    expect(new Set([first.elements, first.table, first.button, second, now.table, now.button]).size).toBe(6);
    expect(createdSessions(endpoint)).toHaveLength(8);
  });

  it('render anonymously and report through onError when the endpoint refuses', async () => {
    const onError = vi.fn();
    const endpoint = createSessionEndpoint();
    endpoint.queue(() => Response.json({ error: { type: 'invalid_request_error', message: 'Not signed in' } }, { status: 401 }));
    server.use(endpoint.handler);
    const stripe = createStripeStandIn();
    renderWithProvider(<Storefront onError={onError} />, { components: ['payment_element', 'pricing_table', 'buy_button'], stripe, publishableKey: 'pk_test_provider' });

    await flushUntil(() => table() !== null && button() !== null && stripe.calls.elements.length > 0);
    expect(stripe.calls.elements[0]).not.toHaveProperty('customerSessionClientSecret');
    expect(table()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(button()?.hasAttribute(SECRET_ATTR)).toBe(false);
    expect(onError).toHaveBeenCalledTimes(3);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ kind: 'http', status: 401 });
    // One refused request for all four sessions, and no session behind it.
    expect(endpoint.requests).toHaveLength(1);
    expect(createdSessions(endpoint)).toEqual([]);
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

    // Signing in turns the sessions on: each element's own secret reaches Elements in place and re-creates the web components.
    view.rerenderWith({ enabled: true });
    await flushUntil(() => stripe.calls.update.length > 0 && table()?.hasAttribute(SECRET_ATTR) === true && button()?.hasAttribute(SECRET_ATTR) === true);
    const secrets = renderedSecrets(stripe);
    expect(stripe.calls.elements).toHaveLength(1);
    expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: secrets.elements }]);
    expect(new Set([secrets.elements, secrets.table, secrets.button]).size).toBe(3);
    expect(endpoint.requests).toHaveLength(1);
    expect(sessionSet(createdSessions(endpoint))).toEqual(['buy_button', 'buy_button+payment_element+pricing_table', 'payment_element', 'pricing_table']);
  });

  describe('a new components list or endpoint is a new session for the same customer, not a sign-out', () => {
    it('components gain buy_button: the button gets a session of its own at once; Elements and the pricing table keep theirs', async () => {
      const { endpoint, stripe, view } = setup({}, ['payment_element', 'pricing_table']);
      await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && button() !== null && stripe.calls.elements.length > 0);
      const first = renderedSecrets(stripe);
      const firstTable = table();
      expect(first.button).toBeNull();
      fireEvent.change(nameOnCard(), { target: { value: 'Jenny Rosen' } });

      view.rerenderWith({ components: ['payment_element', 'pricing_table', 'buy_button'] });
      await flushUntil(() => button()?.hasAttribute(SECRET_ATTR) === true);
      const now = renderedSecrets(stripe);
      expect(now.button).toMatch(/^cuss_secret_/);
      expect(new Set([first.elements, first.table, now.button]).size).toBe(3);
      // The provider's new state session and the button's own, in one request.
      expect(endpoint.requests).toHaveLength(2);
      expect(sessionSet(endpoint.requests[1])).toEqual(['buy_button', 'buy_button+payment_element+pricing_table']);
      // Elements' own session did not change: no update, no remount.
      expect(stripe.calls.elements).toHaveLength(1);
      expect(stripe.calls.update).toEqual([]);
      expect(nameOnCard().value).toBe('Jenny Rosen');
      expect(table()).toBe(firstTable);
      expect(now.table).toBe(first.table);
    });

    it('the endpoint changes: every element gets a session from the new endpoint; Elements updates in place, the pricing table is re-created with its new session’s secret', async () => {
      const other = createSessionEndpoint({ url: OTHER_URL });
      server.use(other.handler);
      const { endpoint, stripe, view } = setup({}, ['payment_element', 'pricing_table']);
      await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && button() !== null && stripe.calls.elements.length > 0);
      const first = renderedSecrets(stripe);
      const firstTable = table();
      const firstButton = button();
      fireEvent.change(nameOnCard(), { target: { value: 'Jenny Rosen' } });

      view.rerenderWith({ endpoint: OTHER_URL });
      await flushUntil(() => stripe.calls.update.length > 0 && table() !== firstTable);
      const second = stripe.calls.update[0]?.customerSessionClientSecret;
      expect(second).toMatch(/^cuss_secret_/);
      expect(second).not.toBe(first.elements);
      expect(endpoint.requests).toHaveLength(1);
      expect(other.requests).toHaveLength(1);
      expect(sessionSet(other.requests[0])).toEqual(['payment_element', 'payment_element+pricing_table', 'pricing_table']);
      expect(stripe.calls.elements).toHaveLength(1);
      expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: second }]);
      expect(nameOnCard().value).toBe('Jenny Rosen');
      // The table follows its own session, now from the new endpoint.
      const now = renderedSecrets(stripe);
      expect(now.table).toMatch(/^cuss_secret_/);
      expect(new Set([first.elements, first.table, second, now.table]).size).toBe(4);
      expect(createdSessions(other).flat()).toContain('pricing_table');
      expect(button()).toBe(firstButton);
      expect(button()?.hasAttribute(SECRET_ATTR)).toBe(false);
    });

    it('a sign-out after the change still drops the secret at once', async () => {
      const appQueryClient = new QueryClient();
      const { stripe, view } = setup({}, ['payment_element', 'pricing_table'], { appQueryClient });
      await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && stripe.calls.elements.length > 0);
      const first = renderedSecrets(stripe);
      view.rerenderWith({ components: ['payment_element', 'pricing_table', 'buy_button'] });
      await flushUntil(() => button()?.hasAttribute(SECRET_ATTR) === true);
      const second = button()?.getAttribute(SECRET_ATTR);

      act(() => appQueryClient.removeQueries());
      await flushUntil(() => stripe.calls.elements.length > 1);
      expectSecretGone(stripe, first.elements);
      expectSecretGone(stripe, first.table);
      expectSecretGone(stripe, second);
    });
  });
});

describe('one secret, one render (issue 17): every element mount gets a session no element has rendered', () => {
  const buttons = () => [...document.querySelectorAll('stripe-buy-button')];
  const buttonSecrets = () => buttons().map((element) => element.getAttribute(SECRET_ATTR));
  const props: ProviderTestProps = { components: ['buy_button', 'pricing_table'], publishableKey: 'pk_test_provider' };
  function serve() {
    const endpoint = createSessionEndpoint();
    server.use(endpoint.handler);
    return endpoint;
  }

  it('two BuyButtons under one provider render different secrets, each from a session enabling buy_button alone', async () => {
    const endpoint = serve();
    renderWithProvider(
      <>
        <BuyButton buyButtonId="buy_btn_1" />
        <BuyButton buyButtonId="buy_btn_2" />
      </>,
      { components: ['buy_button'], publishableKey: 'pk_test_provider' },
    );
    await flushUntil(() => buttons().length === 2 && buttonSecrets().every((secret) => secret !== null));
    const [one, two] = buttonSecrets();
    expect(one).toMatch(/^cuss_secret_/);
    expect(two).toMatch(/^cuss_secret_/);
    expect(one).not.toBe(two);
    expect(sessionSet(createdSessions(endpoint))).toEqual(['buy_button', 'buy_button', 'buy_button']);
    expect(endpoint.requests).toHaveLength(1);
  });

  it('a BuyButton hidden and shown again renders a new secret', async () => {
    const endpoint = serve();
    const tree = (shown: boolean) => providerTree(<>{shown && <BuyButton buyButtonId="buy_btn_1" />}</>, props);
    const view = render(tree(true));
    await flushUntil(() => button()?.hasAttribute(SECRET_ATTR) === true);
    const first = button()?.getAttribute(SECRET_ATTR);

    view.rerender(tree(false));
    expect(button()).toBeNull();
    view.rerender(tree(true));
    await flushUntil(() => button()?.hasAttribute(SECRET_ATTR) === true);
    const second = button()?.getAttribute(SECRET_ATTR);
    expect(second).toMatch(/^cuss_secret_/);
    expect(second).not.toBe(first);
    // The provider's state session is still good: only the new mount's own session is asked for.
    expect(endpoint.requests).toHaveLength(2);
    expect(endpoint.requests[1]?.body).toEqual({ components: ['buy_button'] });
  });

  it('a key change re-creates the button with a new secret', async () => {
    serve();
    const tree = (key: string) => providerTree(<BuyButton key={key} buyButtonId="buy_btn_1" />, props);
    const view = render(tree('a'));
    await flushUntil(() => button()?.hasAttribute(SECRET_ATTR) === true);
    const first = button()?.getAttribute(SECRET_ATTR);
    view.rerender(tree('b'));
    await flushUntil(() => button()?.hasAttribute(SECRET_ATTR) === true && button()?.getAttribute(SECRET_ATTR) !== first);
    expect(button()?.getAttribute(SECRET_ATTR)).toMatch(/^cuss_secret_/);
  });

  it('a provider remounted on the app’s QueryClient (a route left and entered again) gives every element a new secret', async () => {
    const endpoint = serve();
    const appQueryClient = new QueryClient();
    const page = () =>
      providerTree(
        <>
          <PricingTable pricingTableId="prctbl_1" />
          <BuyButton buyButtonId="buy_btn_1" />
        </>,
        { ...props, appQueryClient },
      );
    const first = render(page());
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && button()?.hasAttribute(SECRET_ATTR) === true);
    const before = [table()?.getAttribute(SECRET_ATTR), button()?.getAttribute(SECRET_ATTR)];
    first.unmount();

    render(page());
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && button()?.hasAttribute(SECRET_ATTR) === true);
    const after = [table()?.getAttribute(SECRET_ATTR), button()?.getAttribute(SECRET_ATTR)];
    expect(new Set([...before, ...after]).size).toBe(4);
    // The cached state session is read again (it costs no secret); the elements' are new, in one request.
    expect(endpoint.requests).toHaveLength(2);
    expect(sessionSet(endpoint.requests[1])).toEqual(['buy_button', 'pricing_table']);
  });

  it('StrictMode’s double mount spends no extra session: one request, one session per element and one for the provider', async () => {
    const { endpoint, stripe } = setup({}, undefined, { strict: true });
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && button()?.hasAttribute(SECRET_ATTR) === true && stripe.calls.elements.length > 0);
    await clock.advance(1000);
    const secrets = renderedSecrets(stripe);
    expect(new Set([secrets.elements, secrets.table, secrets.button]).size).toBe(3);
    expect(endpoint.requests).toHaveLength(1);
    expect(sessionSet(createdSessions(endpoint))).toEqual(['buy_button', 'buy_button+payment_element+pricing_table', 'payment_element', 'pricing_table']);
  });

  it('the secrets of elements mounted in one commit come in one request, after the provider’s own session', async () => {
    const endpoint = serve();
    const tree = (shown: boolean) =>
      providerTree(
        <>
          {shown && <PricingTable pricingTableId="prctbl_1" />}
          {shown && <BuyButton buyButtonId="buy_btn_1" />}
          {shown && <BuyButton buyButtonId="buy_btn_2" />}
        </>,
        props,
      );
    const view = render(tree(false));
    await flushUntil(() => endpoint.requests.length === 1);
    await clock.advance(1000);
    expect(endpoint.requests[0]?.body).toEqual({ components: ['buy_button', 'pricing_table'] });

    view.rerender(tree(true));
    await flushUntil(() => table()?.hasAttribute(SECRET_ATTR) === true && buttonSecrets().every((secret) => secret !== null));
    expect(endpoint.requests).toHaveLength(2);
    expect(endpoint.requests[1]?.body).toHaveProperty('sessions');
    expect(sessionSet(endpoint.requests[1])).toEqual(['buy_button', 'buy_button', 'pricing_table']);
    expect(new Set([table()?.getAttribute(SECRET_ATTR), ...buttonSecrets()]).size).toBe(3);
  });
});
