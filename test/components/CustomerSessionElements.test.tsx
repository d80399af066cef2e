import { PaymentElement } from '@stripe/react-stripe-js';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CustomerSessionError } from '../../src/core/errors';
import { maskClientSecret } from '../../src/testing/maskClientSecret';
import { CustomerSessionElements } from '../../src/react/CustomerSessionElements';
import { resetWarnings } from '../../src/core/warnings';
import { createStripeStandIn } from '../../src/testing/createStripeStandIn';
import { makeSession, renderWithSessionState } from '../helpers/renderWithSessionState';

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

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  resetWarnings();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe('CustomerSessionElements', () => {
  it('gives elements() the secret and the session features when payment_element is enabled', async () => {
    const stripe = createStripeStandIn();
    const session = makeSession(['payment_element'], { features: { payment_method_redisplay: 'enabled', payment_method_save: 'enabled', payment_method_save_usage: 'off_session' } });
    stripe.addSession(session);
    renderWithSessionState(<Checkout />, { session: { status: 'ready', session }, stripe });

    expect(stripe.calls.elements).toEqual([{ ...options, customerSessionClientSecret: session.client_secret }]);
    const card = await screen.findByRole('group', { name: 'Payment Element (stand-in)' });
    expect(card.textContent).toContain(maskClientSecret(session.client_secret));
    expect(card.textContent).not.toContain(session.client_secret);
    expect(screen.getByRole('checkbox', { name: 'Save payment details for future purchases' }).parentElement?.nextSibling?.textContent).toBe('off_session');
    expect(screen.queryByRole('button', { name: 'Remove' })).toBeNull();
    expect(warn).not.toHaveBeenCalled();
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
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('components[payment_element][enabled]');
  });

  it('rotates the secret in place: one elements(), one update, child state and typed input survive', () => {
    const stripe = createStripeStandIn();
    const first = makeSession(['payment_element']);
    const second = makeSession(['payment_element']);
    const view = renderWithSessionState(<Checkout />, { session: { status: 'ready', session: first }, stripe });
    fireEvent.click(screen.getByRole('button', { name: 'clicked 0' }));
    fireEvent.change(screen.getByPlaceholderText('4242 4242 4242 4242'), { target: { value: '4242 42' } });
    const cardField = screen.getByPlaceholderText('4242 4242 4242 4242');

    view.setSession({ status: 'refreshing', session: first });
    view.setSession({ status: 'ready', session: second });

    expect(stripe.calls.elements).toHaveLength(1);
    expect(stripe.calls.create).toHaveLength(1);
    expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: second.client_secret }]);
    expect(stripe.elementsOptions?.customerSessionClientSecret).toBe(second.client_secret);
    expect(screen.getByRole('button', { name: 'clicked 1' })).toBeTruthy();
    expect(screen.getByPlaceholderText('4242 4242 4242 4242')).toBe(cardField);
    expect((cardField as HTMLInputElement).value).toBe('4242 42');
    expect(screen.getByText(maskClientSecret(second.client_secret))).toBeTruthy();
  });

  it('does not call update for re-renders with equal inline options, and passes real option changes through', () => {
    const stripe = createStripeStandIn();
    const session = makeSession(['payment_element']);
    const view = renderWithSessionState(<Checkout />, { session: { status: 'ready', session }, stripe });
    view.rerender(<Checkout />);
    view.rerender(<Checkout />);
    expect(stripe.calls.update).toEqual([]);

    view.rerender(<Checkout options={{ ...options, amount: 2500 }} />);
    expect(stripe.calls.update).toEqual([{ amount: 2500 }]);
    expect(stripe.calls.elements).toHaveLength(1);
  });

  it('keeps options with a NaN amount (a total still loading) stable instead of re-rendering forever', () => {
    const stripe = createStripeStandIn();
    const session = makeSession(['payment_element']);
    const view = renderWithSessionState(<Checkout options={{ ...options, amount: Number.NaN }} />, { session: { status: 'ready', session }, stripe });
    view.rerender(<Checkout options={{ ...options, amount: Number.NaN }} />);
    expect(stripe.calls.elements).toHaveLength(1);
    view.rerender(<Checkout options={{ ...options, amount: 1500 }} />);
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

  it('renders the fallback while pending, never an anonymous Elements, then mounts once with the secret', () => {
    const stripe = createStripeStandIn();
    const view = renderWithSessionState(<Checkout />, { session: { status: 'pending' }, stripe });
    expect(screen.getByText('Loading checkout…')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /clicked/ })).toBeNull();
    expect(stripe.calls.elements).toEqual([]);

    const session = makeSession(['payment_element']);
    view.setSession({ status: 'ready', session });
    expect(screen.queryByText('Loading checkout…')).toBeNull();
    expect(stripe.calls.elements).toEqual([{ ...options, customerSessionClientSecret: session.client_secret }]);
  });

  it('keeps Elements mounted with the last secret while expired and when the refresh fails, then updates to the fresh one', () => {
    const stripe = createStripeStandIn();
    const first = makeSession(['payment_element']);
    const view = renderWithSessionState(<Checkout />, { session: { status: 'ready', session: first }, stripe });
    fireEvent.click(screen.getByRole('button', { name: 'clicked 0' }));

    view.setSession({ status: 'expired', session: first });
    view.setSession({ status: 'error', session: first, error: new CustomerSessionError('network', 'offline') });
    expect(screen.getByRole('button', { name: 'clicked 1' })).toBeTruthy();
    expect(stripe.calls.update).toEqual([]);
    expect(stripe.calls.elements).toHaveLength(1);
    expect(stripe.elementsOptions?.customerSessionClientSecret).toBe(first.client_secret);

    const second = makeSession(['payment_element']);
    view.setSession({ status: 'ready', session: second });
    expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: second.client_secret }]);
    expect(screen.getByRole('button', { name: 'clicked 1' })).toBeTruthy();
  });

  it.each([
    ['removed (sign-out)', { status: 'pending' as const, dropped: true }],
    ['removed and the next one failed', { status: 'error' as const, error: new CustomerSessionError('http', 'Not signed in', { status: 401 }), dropped: true }],
  ])('remounts Elements once without the secret when the session is %s, then updates in the next customer’s', (_name, dropped) => {
    const stripe = createStripeStandIn();
    const first = makeSession(['payment_element']);
    const view = renderWithSessionState(<Checkout />, { session: { status: 'ready', session: first }, stripe });
    fireEvent.click(screen.getByRole('button', { name: 'clicked 0' }));

    view.setSession(dropped);
    expect(stripe.calls.elements).toEqual([{ ...options, customerSessionClientSecret: first.client_secret }, options]);
    expect(stripe.elementsOptions).not.toHaveProperty('customerSessionClientSecret');
    expect(screen.getByRole('button', { name: 'clicked 0' })).toBeTruthy(); // a fresh tree for the next visitor
    expect(screen.getByText('Guest checkout: no customer session')).toBeTruthy();
    expect(screen.queryByText('Loading checkout…')).toBeNull();

    const second = makeSession(['payment_element']);
    view.setSession({ status: 'ready', session: second });
    expect(stripe.calls.elements).toHaveLength(2);
    expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: second.client_secret }]);
    expect(stripe.elementsOptions?.customerSessionClientSecret).toBe(second.client_secret);
  });

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

  it('adds the secret through update() when a session arrives after an anonymous start', () => {
    const stripe = createStripeStandIn();
    const error = new CustomerSessionError('network', 'offline');
    const view = renderWithSessionState(<Checkout />, { session: { status: 'error', error }, stripe });
    const session = makeSession(['payment_element']);
    view.setSession({ status: 'ready', session });
    expect(stripe.calls.elements).toEqual([options]);
    expect(stripe.calls.update).toEqual([{ customerSessionClientSecret: session.client_secret }]);
  });

  it('waits for an async Stripe and creates elements once with the current secret', async () => {
    const standIn = createStripeStandIn();
    let resolveStripe: (value: typeof standIn) => void = () => {};
    const stripe = new Promise<typeof standIn>((resolve) => (resolveStripe = resolve));
    const first = makeSession(['payment_element']);
    const second = makeSession(['payment_element']);
    const view = renderWithSessionState(<Checkout />, { session: { status: 'ready', session: first }, stripe });
    view.setSession({ status: 'ready', session: second });
    await act(async () => resolveStripe(standIn));
    await waitFor(() => expect(standIn.calls.elements).toHaveLength(1));
    expect(standIn.calls.elements[0]?.customerSessionClientSecret).toBe(second.client_secret);
    expect(view.getStripeCalls()).toBe(1);
  });

  it('under StrictMode with an async Stripe (the loadStripe path) creates one Elements group and one Payment Element', async () => {
    const standIn = createStripeStandIn();
    const session = makeSession(['payment_element']);
    renderWithSessionState(
      <StrictMode>
        <Checkout />
      </StrictMode>,
      { session: { status: 'ready', session }, stripe: Promise.resolve(standIn) },
    );
    await screen.findByRole('group', { name: 'Payment Element (stand-in)' });
    expect(standIn.calls.elements).toEqual([{ ...options, customerSessionClientSecret: session.client_secret }]);
    expect(standIn.calls.create.map((call) => call.type)).toEqual(['payment']);
  });

  it('shows errorFallback and calls onError when Stripe.js fails to load, without an unhandled rejection', async () => {
    const onError = vi.fn();
    const stripe = Promise.reject(new Error('blocked by CSP'));
    renderWithSessionState(<Checkout onError={onError} errorFallback={<p>Payments are unavailable</p>} />, {
      session: { status: 'ready', session: makeSession(['payment_element']) },
      stripe,
    });
    expect(await screen.findByText('Payments are unavailable')).toBeTruthy();
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
