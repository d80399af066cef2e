import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AllowRedisplay, CustomerSession, PaymentElementFeaturesParams } from '../../src/core/types';
import { createEmulatorStripeClient } from '../../src/testing/createEmulatorStripeClient';
import { createStripeStandIn } from '../../src/testing/createStripeStandIn';
import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { savedCardName } from '../../src/testing/savedPaymentMethods';
import { seedSavedCards } from '../../src/testing/seedSavedCards';

/** What a checkout page does on "Pay": confirm with the Elements group, show the outcome. */
function PayButton() {
  const stripe = useStripe();
  const elements = useElements();
  const [outcome, setOutcome] = useState('');
  const pay = async () => {
    const result = await stripe?.confirmPayment({ elements: elements!, redirect: 'if_required' });
    setOutcome(result?.error ? `error ${result.error.code ?? ''}` : `paid ${result?.paymentIntent?.status ?? ''}`);
  };
  return (
    <>
      <button type="button" onClick={() => void pay()}>Pay</button>
      <output aria-label="Outcome">{outcome}</output>
    </>
  );
}

/** A customer with saved cards, a session for them from the emulator, and the stand-in showing it. */
async function checkout(cards: readonly AllowRedisplay[] | number, features: PaymentElementFeaturesParams | null, enabled = true) {
  const emulator = createStripeEmulator();
  const customer = emulator.createCustomer({ name: 'Jenny Rosen' });
  const seeded = seedSavedCards(emulator, customer.id, cards);
  const session: CustomerSession = await createEmulatorStripeClient(emulator).customerSessions.create({
    customer: customer.id,
    components: enabled ? { payment_element: { enabled: true, ...(features ? { features } : {}) } } : { pricing_table: { enabled: true } },
  });
  const stripe = createStripeStandIn({ emulator });
  stripe.addSession(session);
  render(
    <Elements stripe={stripe} options={{ mode: 'payment', amount: 4800, currency: 'usd', customerSessionClientSecret: session.client_secret }}>
      <PaymentElement />
      <PayButton />
    </Elements>,
  );
  const element = await screen.findByRole('group', { name: 'Payment Element (stand-in)' });
  await waitFor(() => expect(element.getAttribute('aria-busy')).toBe('false'));
  return { emulator, customer, seeded, stripe, element };
}

const listed = (element: HTMLElement) => {
  const list = within(element).queryByRole('list', { name: 'Saved payment methods' });
  return list ? within(list).getAllByRole('listitem').map((item) => item.getAttribute('aria-label')) : [];
};
const redisplay = (limit: number, filters?: AllowRedisplay[]): PaymentElementFeaturesParams => ({
  payment_method_redisplay: 'enabled',
  payment_method_redisplay_limit: limit,
  ...(filters ? { payment_method_allow_redisplay_filters: filters } : {}),
});

// Each test renders one to three checkouts; under a loaded CI machine that can outlast the 5 s default.
describe('the Payment Element stand-in shows what the customer would see', { timeout: 15_000 }, () => {
  it.each([1, 3, 10])('payment_method_redisplay_limit %i lists exactly that many saved cards, newest first', async (limit) => {
    const { element, seeded } = await checkout(12, redisplay(limit));
    const names = listed(element);
    expect(names).toHaveLength(limit);
    expect(names).toEqual(seeded.slice(-limit).reverse().map(savedCardName));
  });

  it('lists none when payment_method_redisplay is disabled or left out (Stripe: defaults to disabled)', async () => {
    for (const features of [{ payment_method_redisplay: 'disabled' as const }, null]) {
      const { element } = await checkout(12, features);
      expect(within(element).queryByRole('list', { name: 'Saved payment methods' })).toBeNull();
      cleanup();
    }
  });

  const mix: AllowRedisplay[] = ['always', 'limited', 'unspecified', 'always', 'limited', 'unspecified', 'always', 'limited', 'unspecified', 'always', 'limited', 'always'];
  it.each<[string, AllowRedisplay[] | undefined, number]>([
    ['left out (always)', undefined, 5], ['always', ['always'], 5], ['limited', ['limited'], 4], ['unspecified', ['unspecified'], 3],
    ['always + limited', ['always', 'limited'], 9], ['always + unspecified', ['always', 'unspecified'], 8],
    ['limited + unspecified', ['limited', 'unspecified'], 7], ['all three', ['always', 'limited', 'unspecified'], 10],
  ])('payment_method_allow_redisplay_filters %s lists only those cards', async (_name, filters, count) => {
    const { element, seeded } = await checkout(mix, redisplay(10, filters));
    const allowed = new Set(filters ?? ['always']);
    const expected = seeded.filter((method) => allowed.has(method.allow_redisplay)).reverse().slice(0, 10);
    expect(listed(element)).toHaveLength(count);
    expect(listed(element)).toEqual(expected.map(savedCardName));
  });

  it('has a Remove button per listed card only with payment_method_remove; Remove detaches and the list updates', async () => {
    const { element: without } = await checkout(4, redisplay(3));
    expect(within(without).queryAllByRole('button', { name: 'Remove' })).toHaveLength(0);
    cleanup();

    const { element, emulator, customer, seeded } = await checkout(4, { ...redisplay(3), payment_method_remove: 'enabled' });
    const buttons = within(element).getAllByRole('button', { name: 'Remove' });
    expect(buttons).toHaveLength(3);
    expect(listed(element)).toEqual(seeded.slice(1).reverse().map(savedCardName));
    fireEvent.click(buttons[0] as HTMLElement);
    await waitFor(() => expect(listed(element)).toEqual(seeded.slice(0, 3).reverse().map(savedCardName)));
    expect(within(element).getAllByRole('button', { name: 'Remove' })).toHaveLength(3);
    const remaining = await createEmulatorStripeClient(emulator).customers.listPaymentMethods(customer.id);
    expect(remaining.data.map((method) => method.id)).toEqual(seeded.slice(0, 3).map((method) => method.id).reverse());
  });

  it('offers the save checkbox with its usage only with payment_method_save; a checked box saves the card as always', async () => {
    const { element: plain } = await checkout(0, redisplay(3));
    expect(within(plain).queryByRole('checkbox')).toBeNull();
    cleanup();

    const { element, stripe, emulator, customer } = await checkout(0, { ...redisplay(3), payment_method_save: 'enabled', payment_method_save_usage: 'on_session' });
    const box = within(element).getByRole('checkbox', { name: 'Save payment details for future purchases' });
    expect(box.parentElement?.parentElement?.textContent).toContain('on_session');
    fireEvent.click(box);
    fireEvent.change(within(element).getByLabelText('Card number'), { target: { value: '5555 5555 5555 4444' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pay' }));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Outcome' }).textContent).toBe('paid succeeded'));
    const saved = await createEmulatorStripeClient(emulator).customers.listPaymentMethods(customer.id);
    expect(saved.data).toMatchObject([{ allow_redisplay: 'always', card: { brand: 'mastercard', last4: '4444' } }]);
    expect(stripe.calls.confirm).toEqual([{ method: 'confirmPayment', error: null, paymentMethod: saved.data[0]?.id, savedForFuture: true }]);
  });

  it('keeps each Payment Element\'s chosen card its own when two are on one page (a docs page of stories, two checkouts)', async () => {
    const emulator = createStripeEmulator();
    const customer = emulator.createCustomer({ name: 'Jenny Rosen' });
    seedSavedCards(emulator, customer.id, 3);
    const client = createEmulatorStripeClient(emulator);
    const stripe = createStripeStandIn({ emulator });
    const group = async () => {
      const session: CustomerSession = await client.customerSessions.create({ customer: customer.id, components: { payment_element: { enabled: true, features: redisplay(3) } } });
      return (
        <Elements stripe={stripe} options={{ mode: 'payment', amount: 4800, currency: 'usd', customerSessionClientSecret: session.client_secret }}>
          <PaymentElement />
        </Elements>
      );
    };
    render(<>{await group()}{await group()}</>);
    const [first, second] = await screen.findAllByRole('group', { name: 'Payment Element (stand-in)' });
    await waitFor(() => expect([first, second].map((element) => element?.getAttribute('aria-busy'))).toEqual(['false', 'false']));
    const radios = (element: HTMLElement | undefined) => within(element!).getAllByRole('radio') as HTMLInputElement[];
    // Each starts on its newest card, as the real one does.
    expect(radios(first).map((radio) => radio.checked)).toEqual([true, false, false, false]);
    expect(radios(second).map((radio) => radio.checked)).toEqual([true, false, false, false]);
    fireEvent.click(radios(second)[2]!);
    expect(radios(second).map((radio) => radio.checked)).toEqual([false, false, true, false]);
    expect(radios(first).map((radio) => radio.checked)).toEqual([true, false, false, false]);
  });

  it('shows the guest form without a session, or with a session that does not enable payment_element', async () => {
    const { element } = await checkout(5, null, false);
    expect(element.textContent).toContain('This session does not enable payment_element.');
    expect(within(element).queryByRole('list', { name: 'Saved payment methods' })).toBeNull();
    expect(within(element).queryByRole('checkbox')).toBeNull();
    expect(within(element).getByLabelText('Card number')).toBeTruthy();
  });
});
