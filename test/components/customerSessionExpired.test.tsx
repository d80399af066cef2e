import { PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CustomerSessionElements, CustomerSessionProvider, isCustomerSessionExpiredError, useCustomerSessionContext } from '../../src/index';
import type { ComponentName } from '../../src/core/componentNames';
import { createStripeStandIn } from '../../src/testing/createStripeStandIn';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { pageSecretLedger } from '../../src/testing/rules/createStripeSecretLedger';

/** The documented recipe: on `customer_session_expired`, `refresh()`, then confirm again. */
function Pay() {
  const stripe = useStripe();
  const elements = useElements();
  const { refresh } = useCustomerSessionContext();
  const [outcome, setOutcome] = useState('');
  const pay = async () => {
    const { error } = await stripe!.confirmPayment({ elements: elements!, redirect: 'if_required' });
    if (isCustomerSessionExpiredError(error)) {
      setOutcome('Your session expired: refreshing, please confirm again.');
      await refresh();
    } else {
      setOutcome(error ? `error ${error.code ?? ''}` : 'Paid');
    }
  };
  return (
    <>
      <button type="button" onClick={() => void pay()}>Pay</button>
      <output aria-label="Outcome">{outcome}</output>
    </>
  );
}

describe('customer_session_expired at confirmation', () => {
  it('is recognised, and refresh() then confirming again succeeds with the new secret', async () => {
    // Stripe's clock: sessions are created and expire on it; the page's clock is left alone.
    let stripeNow = Date.now();
    const stripe = createStripeStandIn({ now: () => stripeNow });
    // Every session the endpoint handed out, with the components it was asked for.
    const handed: { secret: string; components: string[] }[] = [];
    const endpoint = async ({ components }: { components: ComponentName[] }) => {
      const session = makeCustomerSession({ components, now: stripeNow });
      stripe.addSession(session);
      handed.push({ secret: session.client_secret, components });
      return session;
    };
    render(
      <CustomerSessionProvider endpoint={endpoint} components={['payment_element']} stripe={stripe}>
        <CustomerSessionElements options={{ mode: 'payment', amount: 4800, currency: 'usd' }}>
          <PaymentElement />
          <Pay />
        </CustomerSessionElements>
      </CustomerSessionProvider>,
    );
    await screen.findByRole('group', { name: 'Payment Element (stand-in)' });
    // The provider's state session and Elements' own: Elements renders its own.
    await waitFor(() => expect(handed).toHaveLength(2));
    const first = stripe.elementsOptions?.customerSessionClientSecret;
    expect(first).toMatch(/^cuss_secret_/);
    expect(handed.map((session) => session.secret)).toContain(first);

    stripeNow += 31 * 60 * 1000; // the session has expired at Stripe (a sleeping laptop, a slow customer)
    fireEvent.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Outcome' }).textContent).toBe('Your session expired: refreshing, please confirm again.'));
    // refresh() gets Elements a secret never rendered before, in place.
    await waitFor(() => expect(stripe.elementsOptions?.customerSessionClientSecret).not.toBe(first));
    const second = stripe.elementsOptions?.customerSessionClientSecret;
    expect(handed.map((session) => session.secret)).toContain(second);
    expect(stripe.calls.elements).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Outcome' }).textContent).toBe('Paid'));
    expect(stripe.calls.confirm.map((call) => call.error)).toEqual(['customer_session_expired', null]);
    // The first confirmation broke Stripe's 30-minutes-after-render rule on purpose (the customer
    // waited): the stand-in reported exactly that, and nothing else.
    expect(stripe.violations.map(({ rule, action }) => [rule, action])).toEqual([['use-within-30-minutes-of-render', 'confirmPayment']]);
    pageSecretLedger.reset();
  });
});
