import { PaymentElement } from '@stripe/react-stripe-js';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { http } from 'msw';
import { useState, type ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ComponentName } from '../../src/core/componentNames';
import { CustomerSessionError } from '../../src/core/errors';
import { maskClientSecret } from '../../src/testing/maskClientSecret';
import { CustomerSessionElements } from '../../src/react/CustomerSessionElements';
import type { StripeProp } from '../../src/react/types';
import { createStripeStandIn, type StripeStandIn } from '../../src/testing/createStripeStandIn';
import { flushUntil } from '../helpers/advanceUntil';
import { providerTree, type ProviderTestProps } from '../helpers/renderWithProvider';
import { makeSession, renderWithSessionState } from '../helpers/renderWithSessionState';
import { createSessionEndpoint, type SessionEndpointOptions } from '../helpers/sessionEndpoint';
import { createdSessions, MINUTE, recordAnsweredSessions, sessionSet, setupStorefrontSuite, refused, wakeUp } from './support/storefrontSuite';

const options = { mode: 'payment', amount: 1099, currency: 'usd', appearance: { theme: 'night' } } as const;

function Counter() {
  const [count, setCount] = useState(0);
  return <button onClick={() => setCount((n) => n + 1)}>clicked {count}</button>;
}

function Checkout(props: Partial<Parameters<typeof CustomerSessionElements>[0]>) {
  return (
    <CustomerSessionElements options={{ ...options }} fallback={<p>Loading checkout…</p>} {...props}>
      <Counter />
      <PaymentElement />
    </CustomerSessionElements>
  );
}

// MSW over the real handler and emulator, a fake clock, fresh warn-once keys, console.warn muted and spied.
const { server, clock } = setupStorefrontSuite();
const warn = () => vi.mocked(console.warn);
const ownSecret = (stripe: StripeStandIn) => stripe.elementsOptions?.customerSessionClientSecret;

/**
 * Renders `ui` under the real provider (its own session declares `components`) over the app's
 * endpoint; Elements gets a session of its own from it. `rerender(next)` keeps the provider.
 */
function renderCheckout(
  ui: ReactElement = <Checkout />,
  { endpointOptions = {}, components = ['payment_element'], stripe, ...props }: ProviderTestProps & { endpointOptions?: SessionEndpointOptions; stripe?: StripeProp } = {},
) {
  const endpoint = createSessionEndpoint(endpointOptions);
  server.use(endpoint.handler);
  const answered = recordAnsweredSessions(server);
  const standIn = createStripeStandIn({ resolveSession: (secret) => answered.get(secret) });
  const tree = (next: ReactElement) => providerTree(next, { components: components as ComponentName[], stripe: stripe ?? standIn, publishableKey: 'pk_test_elements', ...props });
  const view = render(tree(ui));
  return { endpoint, stripe: standIn, answered, view, rerender: (next: ReactElement) => view.rerender(tree(next)) };
}

describe('CustomerSessionElements', () => {
  it('gives elements() a secret of its own, from a session enabling payment_element alone, with the session features', async () => {
    const features = { payment_method_redisplay: 'enabled', payment_method_save: 'enabled', payment_method_save_usage: 'off_session' } as const;
    const policy = { payment_element: { enabled: true, features }, pricing_table: { enabled: true } };
    const { stripe, endpoint } = renderCheckout(<Checkout />, { endpointOptions: { policy }, components: ['payment_element', 'pricing_table'] });
    await flushUntil(() => screen.queryByRole('group', { name: 'Payment Element (stand-in)' }) !== null);

    const secret = ownSecret(stripe) ?? '';
    expect(secret).toMatch(/^cuss_secret_/);
    expect(stripe.calls.elements).toEqual([{ ...options, customerSessionClientSecret: secret }]);
    // The provider's session (payment_element and pricing_table) and Elements' own (payment_element alone), in one request.
    expect(endpoint.requests).toHaveLength(1);
    expect(sessionSet(createdSessions(endpoint))).toEqual(['payment_element', 'payment_element+pricing_table']);
    const card = screen.getByRole('group', { name: 'Payment Element (stand-in)' });
    expect(card.textContent).toContain(maskClientSecret(secret));
    expect(card.textContent).not.toContain(secret);
    expect(screen.getByRole('checkbox', { name: 'Save payment details for future purchases' }).parentElement?.nextSibling?.textContent).toBe('off_session');
    expect(screen.queryByRole('button', { name: 'Remove' })).toBeNull();
    expect(warn()).not.toHaveBeenCalled();
  });

  it('gives elements() no customer secret when the session does not enable payment_element, and warns once', () => {
    const stripe = createStripeStandIn();
    const session = makeSession(['pricing_table']);
    const view = renderWithSessionState(<Checkout />, { session: { status: 'ready', session }, stripe });
    view.setSession({ status: 'ready', session: makeSession(['pricing_table']) });

    expect(stripe.calls.elements).toHaveLength(1);
    expect(stripe.calls.elements[0]).toEqual(options);
    expect(stripe.calls.elements[0]).not.toHaveProperty('customerSessionClientSecret');
    expect(stripe.calls.update).toEqual([]);
    expect(screen.getByText('Guest checkout: no customer session')).toBeTruthy();
    expect(warn()).toHaveBeenCalledTimes(1);
    expect(String(warn().mock.calls[0]?.[0])).toContain('components[payment_element][enabled]');
  });

  it('rotates its own secret in place when its session refreshes: one elements(), one update, child state and typed input survive', async () => {
    const { stripe } = renderCheckout();
    await flushUntil(() => screen.queryByPlaceholderText('4242 4242 4242 4242') !== null);
    const first = ownSecret(stripe);
    fireEvent.click(screen.getByRole('button', { name: 'clicked 0' }));
    fireEvent.change(screen.getByPlaceholderText('4242 4242 4242 4242'), { target: { value: '4242 42' } });
    const cardField = screen.getByPlaceholderText('4242 4242 4242 4242');

    // Elements' session refreshes 5 minutes before its 30-minute expiry.
    await clock.advance(25 * MINUTE);
    await flushUntil(() => stripe.calls.update.length > 0);
    const second = ownSecret(stripe) ?? '';
    expect(second).toMatch(/^cuss_secret_/);
    expect(second).not.toBe(first);
    expect(stripe.calls.elements).toHaveLength(1);
    expect(stripe.calls.create).toHaveLength(1);
    expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: second }]);
    expect(screen.getByRole('button', { name: 'clicked 1' })).toBeTruthy();
    expect(screen.getByPlaceholderText('4242 4242 4242 4242')).toBe(cardField);
    expect((cardField as HTMLInputElement).value).toBe('4242 42');
    expect(screen.getByText(maskClientSecret(second))).toBeTruthy();
  });

  it('does not call update for re-renders with equal inline options, and passes real option changes through', async () => {
    const { stripe, rerender } = renderCheckout();
    await flushUntil(() => stripe.calls.elements.length > 0);
    rerender(<Checkout />);
    rerender(<Checkout />);
    expect(stripe.calls.update).toEqual([]);

    rerender(<Checkout options={{ ...options, amount: 2500 }} />);
    expect(stripe.calls.update).toEqual([{ amount: 2500 }]);
    expect(stripe.calls.elements).toHaveLength(1);
  });

  it('keeps options with a NaN amount (a total still loading) stable instead of re-rendering forever', async () => {
    const { stripe, rerender } = renderCheckout(<Checkout options={{ ...options, amount: Number.NaN }} />);
    await flushUntil(() => stripe.calls.elements.length > 0);
    rerender(<Checkout options={{ ...options, amount: Number.NaN }} />);
    expect(stripe.calls.elements).toHaveLength(1);
    rerender(<Checkout options={{ ...options, amount: 1500 }} />);
    // (react-stripe-js itself passes a NaN on as a change: NaN !== NaN.)
    expect(stripe.calls.update.at(-1)).toEqual({ amount: 1500 });
    expect(stripe.calls.elements).toHaveLength(1);
  });

  it('ignores a customerSessionClientSecret smuggled into options by an untyped caller', () => {
    const stripe = createStripeStandIn();
    const session = makeSession(['pricing_table']);
    const smuggled = { ...options, customerSessionClientSecret: 'cuss_secret_not_from_the_session' } as never;
    renderWithSessionState(<Checkout options={smuggled} />, { session: { status: 'ready', session }, stripe });
    expect(stripe.calls.elements[0]).toEqual(options);
  });

  it('renders the fallback while pending, never an anonymous Elements, then mounts once with its own secret', async () => {
    const endpoint = createSessionEndpoint();
    const held = endpoint.hold();
    server.use(endpoint.handler);
    const stripe = createStripeStandIn();
    render(providerTree(<Checkout />, { components: ['payment_element'], stripe }));
    await flushUntil(() => endpoint.requests.length === 1);
    expect(screen.getByText('Loading checkout…')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /clicked/ })).toBeNull();
    expect(stripe.calls.elements).toEqual([]);

    held.resolve();
    await flushUntil(() => stripe.calls.elements.length > 0);
    expect(screen.queryByText('Loading checkout…')).toBeNull();
    expect(stripe.calls.elements).toEqual([{ ...options, customerSessionClientSecret: ownSecret(stripe) }]);
    expect(ownSecret(stripe)).toMatch(/^cuss_secret_/);
  });

  it('keeps Elements mounted with the last secret when its refresh fails and the secret expires, then updates to the fresh one', async () => {
    const { stripe, endpoint } = renderCheckout();
    await flushUntil(() => stripe.calls.elements.length > 0);
    const first = ownSecret(stripe);
    fireEvent.click(screen.getByRole('button', { name: 'clicked 0' }));

    // Every refresh is refused (from 25 minutes on); the secret expires at 30.
    const refuse = { on: true };
    server.use(http.post(endpoint.url, () => (refuse.on ? refused() : undefined)));
    await clock.advance(35 * MINUTE);
    expect(screen.getByRole('button', { name: 'clicked 1' })).toBeTruthy();
    expect(stripe.calls.update).toEqual([]);
    expect(stripe.calls.elements).toHaveLength(1);
    expect(ownSecret(stripe)).toBe(first);

    refuse.on = false;
    wakeUp();
    await flushUntil(() => stripe.calls.update.length > 0);
    const second = ownSecret(stripe);
    expect(second).toMatch(/^cuss_secret_/);
    expect(second).not.toBe(first);
    expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: second }]);
    expect(screen.getByRole('button', { name: 'clicked 1' })).toBeTruthy();
  });

  it.each([
    ['removed (sign-out)', false],
    ['removed and the next one failed', true],
  ])('remounts Elements once without the secret when the session is %s, then updates in the next customer’s', async (_name, nextFails) => {
    const appQueryClient = new QueryClient();
    const { stripe, endpoint } = renderCheckout(<Checkout />, { appQueryClient });
    await flushUntil(() => stripe.calls.elements.length > 0);
    const first = ownSecret(stripe);
    fireEvent.click(screen.getByRole('button', { name: 'clicked 0' }));

    const held = nextFails ? null : endpoint.hold();
    if (nextFails) endpoint.queue(refused);
    act(() => appQueryClient.removeQueries());
    await flushUntil(() => stripe.calls.elements.length > 1 && endpoint.requests.length === 2);
    expect(stripe.calls.elements).toEqual([{ ...options, customerSessionClientSecret: first }, options]);
    expect(stripe.elementsOptions).not.toHaveProperty('customerSessionClientSecret');
    expect(screen.getByRole('button', { name: 'clicked 0' })).toBeTruthy(); // a fresh tree for the next visitor
    expect(screen.getByText('Guest checkout: no customer session')).toBeTruthy();
    expect(screen.queryByText('Loading checkout…')).toBeNull();

    if (held) held.resolve();
    else wakeUp();
    await flushUntil(() => stripe.calls.update.length > 0);
    const second = ownSecret(stripe);
    expect(second).toMatch(/^cuss_secret_/);
    expect(second).not.toBe(first);
    expect(stripe.calls.elements).toHaveLength(2);
    expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: second }]);
  });

  // The provider's session failed and Elements was not declared in its components: it never asks for its own.
  it('renders anonymously on a session error and calls onError once', () => {
    const stripe = createStripeStandIn();
    const onError = vi.fn();
    const error = new CustomerSessionError('http', 'Endpoint answered 500', { status: 500 });
    const view = renderWithSessionState(<Checkout onError={onError} />, { session: { status: 'error', error }, stripe });
    view.rerender(<Checkout onError={onError} />);

    expect(stripe.calls.elements).toEqual([options]);
    expect(screen.getByRole('button', { name: 'clicked 0' })).toBeTruthy();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(error);
  });

  it('adds the secret through update() when its session arrives after an anonymous start', async () => {
    const endpoint = createSessionEndpoint();
    endpoint.queue(refused);
    server.use(endpoint.handler);
    const stripe = createStripeStandIn();
    render(providerTree(<Checkout />, { components: ['payment_element'], stripe }));
    await flushUntil(() => stripe.calls.elements.length > 0);
    expect(stripe.calls.elements).toEqual([options]);

    wakeUp();
    await flushUntil(() => stripe.calls.update.length > 0);
    expect(stripe.calls.elements).toEqual([options]);
    expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: ownSecret(stripe) }]);
    expect(ownSecret(stripe)).toMatch(/^cuss_secret_/);
  });

  it('waits for an async Stripe and creates elements once with its session’s current secret', async () => {
    const standIn = createStripeStandIn();
    let resolveStripe: (value: typeof standIn) => void = () => {};
    const stripe = new Promise<typeof standIn>((resolve) => (resolveStripe = resolve));
    // The provider's session also enables pricing_table, so Elements' own are the payment_element-only ones.
    const { endpoint, answered } = renderCheckout(<Checkout />, { stripe, components: ['payment_element', 'pricing_table'] });
    const elementsSecrets = () =>
      [...answered.values()].filter((session) => Object.entries(session.components).every(([name, component]) => component.enabled === (name === 'payment_element'))).map((session) => session.client_secret);
    await flushUntil(() => elementsSecrets().length === 1);
    // Its session refreshes (at 25 minutes) before Stripe.js arrives.
    await clock.advance(25 * MINUTE);
    await flushUntil(() => elementsSecrets().length === 2);
    await act(async () => resolveStripe(standIn));
    await flushUntil(() => standIn.calls.elements.length > 0);
    expect(standIn.calls.elements).toEqual([{ ...options, customerSessionClientSecret: elementsSecrets()[1] }]);
    expect(standIn.calls.update).toEqual([]);
    expect(createdSessions(endpoint)).toHaveLength(4);
  });

  it('under StrictMode with an async Stripe (the loadStripe path) creates one Elements group and one Payment Element, and spends no extra session', async () => {
    const standIn = createStripeStandIn();
    const { endpoint } = renderCheckout(<Checkout />, { stripe: Promise.resolve(standIn), strict: true });
    await flushUntil(() => screen.queryByRole('group', { name: 'Payment Element (stand-in)' }) !== null);
    expect(standIn.calls.elements).toEqual([{ ...options, customerSessionClientSecret: ownSecret(standIn) }]);
    expect(standIn.calls.create.map((call) => call.type)).toEqual(['payment']);
    expect(endpoint.requests).toHaveLength(1);
    expect(createdSessions(endpoint)).toEqual([['payment_element'], ['payment_element']]);
  });

  it('unmounted and mounted again, gets a new customerSessionClientSecret (a cached session is never handed to a new mount)', async () => {
    const { stripe, endpoint, rerender } = renderCheckout();
    await flushUntil(() => stripe.calls.elements.length > 0);
    const first = ownSecret(stripe);
    rerender(<p>cart</p>);
    rerender(<Checkout />);
    await flushUntil(() => stripe.calls.elements.length > 1);
    const second = stripe.calls.elements[1]?.customerSessionClientSecret;
    expect(second).toMatch(/^cuss_secret_/);
    expect(second).not.toBe(first);
    // Only the new mount's own session is asked for: the provider's is still good.
    expect(endpoint.requests).toHaveLength(2);
    expect(endpoint.requests[1]?.body).toEqual({ components: ['payment_element'] });
  });

  it('two Elements under one provider never share a secret', async () => {
    const { stripe } = renderCheckout(
      <>
        <Checkout />
        <Checkout />
      </>,
    );
    await flushUntil(() => stripe.calls.elements.length === 2);
    const [one, two] = stripe.calls.elements.map((call) => call?.customerSessionClientSecret);
    expect(one).toMatch(/^cuss_secret_/);
    expect(two).toMatch(/^cuss_secret_/);
    expect(one).not.toBe(two);
  });

  it('shows errorFallback and calls onError when Stripe.js fails to load, without an unhandled rejection', async () => {
    const onError = vi.fn();
    const stripe = Promise.reject(new Error('blocked by CSP'));
    renderWithSessionState(<Checkout onError={onError} errorFallback={<p>Payments are unavailable</p>} />, {
      session: { status: 'ready', session: makeSession(['payment_element']) },
      stripe,
    });
    await flushUntil(() => screen.queryByText('Payments are unavailable') !== null);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(CustomerSessionError);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ kind: 'network' });
  });

  it('throws a clear error when the provider has neither publishableKey nor stripe', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderWithSessionState(<Checkout />, { session: { status: 'pending' }, stripe: undefined })).toThrow(
      /needs publishableKey or stripe on <CustomerSessionProvider>/,
    );
  });
});
