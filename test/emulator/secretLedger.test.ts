import { createEmulatorStripeClient } from '../../src/testing/createEmulatorStripeClient';
import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';
import { maskClientSecret } from '../../src/testing/maskClientSecret';
import { createStripeSecretLedger, type LedgerElement } from '../../src/testing/rules/createStripeSecretLedger';
import { assertNoStripeRuleViolations, StripeRuleViolationError } from '../../src/testing/rules/assertNoStripeRuleViolations';

const t0 = Date.UTC(2026, 11, 2, 9, 0, 0);
const minute = 60_000;
// Elements are compared by identity: one object per element.
const buyButtons = new Map<number, LedgerElement>();
const buyButton = (n: number): LedgerElement => {
  if (!buyButtons.has(n)) buyButtons.set(n, { kind: 'stripe-buy-button', label: `<stripe-buy-button> #${n}` });
  return buyButtons.get(n)!;
};
const pricingTable: LedgerElement = { kind: 'stripe-pricing-table', label: '<stripe-pricing-table> #1' };
const elementsGroup: LedgerElement = { kind: 'elements', label: 'stripe.elements() #1' };
const docs = {
  api: 'https://docs.stripe.com/api/customer_sessions/create',
  buyButton: 'https://docs.stripe.com/payment-links/buy-button',
  pricingTable: 'https://docs.stripe.com/payments/checkout/pricing-table',
};

/** An emulator on a frozen clock and one session it issued. */
async function issued(options: { sessionTtlSeconds?: number } = {}) {
  const emulator = createStripeEmulator(options);
  emulator.clock.set(t0);
  const customer = emulator.createCustomer().id;
  const session = await createEmulatorStripeClient(emulator).customerSessions.create({ customer, components: { buy_button: { enabled: true } } });
  return { emulator, secret: session.client_secret, session };
}

function quietConsole() {
  return vi.spyOn(console, 'error').mockImplementation(() => {});
}

describe('the secret ledger: Stripe’s rules for the client secret', () => {
  it('accepts a secret’s first render, and rotation to a secret never rendered', async () => {
    const ledger = createStripeSecretLedger();
    const { secret } = await issued();
    const { secret: next } = await issued();
    expect(ledger.render(secret, buyButton(1))).toEqual([]);
    expect(ledger.render(next, buyButton(1))).toEqual([]);
    expect(ledger.violations).toEqual([]);
  });

  it('single-use: a secret rendered into a second element is reported once, masked, naming both elements and the API reference', async () => {
    const errors = quietConsole();
    const ledger = createStripeSecretLedger();
    const { emulator, secret } = await issued();
    ledger.render(secret, pricingTable);
    emulator.clock.advance(5_000);
    const [violation, ...rest] = ledger.render(secret, elementsGroup);
    expect(rest).toEqual([]);
    expect(violation).toEqual({
      rule: 'single-use',
      docs: docs.api,
      message: expect.stringContaining('after <stripe-pricing-table> #1 had rendered it'),
      secret: maskClientSecret(secret),
      element: 'stripe.elements() #1',
      firstRenderedIn: '<stripe-pricing-table> #1',
      action: 'render',
      time: t0 + 5_000,
    });
    expect(ledger.violations).toEqual([violation]);
    expect(errors).toHaveBeenCalledTimes(1);
    const logged = String(errors.mock.calls[0]?.[0]);
    expect(logged).toContain('single-use');
    expect(logged).toContain(docs.api);
    expect(logged).toContain(maskClientSecret(secret));
    expect(logged).not.toContain(secret);
    expect(JSON.stringify(ledger.violations)).not.toContain(secret);
  });

  it('single-use: the same element rendering its secret again (re-mount, re-connect) is a second render', async () => {
    quietConsole();
    const ledger = createStripeSecretLedger();
    const { secret } = await issued();
    const element = buyButton(1);
    ledger.render(secret, element);
    const [violation] = ledger.render(secret, element);
    expect(violation?.rule).toBe('single-use');
    expect(violation?.message).toContain('a second time');
    // Every further render is reported too.
    expect(ledger.render(secret, buyButton(2))).toHaveLength(1);
    expect(ledger.violations).toHaveLength(2);
  });

  it('render-within-30-minutes: just before 30 minutes after created it is fine, later it is reported on the emulator’s clock, citing the element’s guide', async () => {
    quietConsole();
    const ledger = createStripeSecretLedger();
    const onTime = await issued();
    onTime.emulator.clock.advance(30 * minute - 1);
    expect(ledger.render(onTime.secret, buyButton(1))).toEqual([]);

    const late = await issued();
    late.emulator.clock.advance(30 * minute + 1_000);
    const [violation] = ledger.render(late.secret, buyButton(2));
    expect(violation).toMatchObject({ rule: 'render-within-30-minutes', docs: docs.buyButton, time: t0 + 30 * minute + 1_000, firstRenderedIn: null });
    expect(violation?.message).toContain('30.02 min after the session was created');

    const table = await issued();
    table.emulator.clock.advance(31 * minute);
    expect(ledger.render(table.secret, pricingTable)[0]?.docs).toBe(docs.pricingTable);
    const group = await issued();
    group.emulator.clock.advance(31 * minute);
    expect(ledger.render(group.secret, elementsGroup)[0]?.docs).toBe(docs.api);
  });

  it('render-within-30-minutes: a session with a shorter life may not be rendered after its expires_at', async () => {
    quietConsole();
    const ledger = createStripeSecretLedger();
    const { emulator, secret } = await issued({ sessionTtlSeconds: 60 });
    emulator.clock.advance(60_000);
    const [violation] = ledger.render(secret, pricingTable);
    expect(violation?.rule).toBe('render-within-30-minutes');
    expect(violation?.message).toContain('past its expires_at');
  });

  it('use-within-30-minutes-of-render: a checkout or confirmation up to 30 minutes after the render is fine, later it is reported', async () => {
    quietConsole();
    const ledger = createStripeSecretLedger();
    const { emulator, secret } = await issued();
    emulator.clock.advance(10 * minute);
    ledger.render(secret, buyButton(1));
    emulator.clock.advance(30 * minute); // 40 minutes after created: the render extended the window
    expect(ledger.use(secret, buyButton(1), 'checkout')).toEqual([]);
    const element = buyButton(3);
    const { secret: other } = await issued();
    ledger.render(other, element);
    expect(ledger.use(secret, element, 'checkout')).toEqual([]); // never rendered there: nothing to judge
    emulator.clock.advance(1);
    const [violation] = ledger.use(secret, buyButton(1), 'checkout');
    expect(violation).toMatchObject({ rule: 'use-within-30-minutes-of-render', docs: docs.buyButton, action: 'checkout', element: '<stripe-buy-button> #1' });
  });

  it('use-within-30-minutes-of-render: a confirmation is timed from the render of that element, and cites the API reference for Elements', async () => {
    quietConsole();
    const ledger = createStripeSecretLedger();
    const { emulator, secret } = await issued();
    ledger.render(secret, elementsGroup);
    emulator.clock.advance(31 * minute);
    const [violation] = ledger.use(secret, elementsGroup, 'confirmSetup');
    expect(violation).toMatchObject({ rule: 'use-within-30-minutes-of-render', docs: docs.api, action: 'confirmSetup' });
    expect(violation?.message).toContain('confirmSetup');
  });

  it('a secret no emulator issued is judged on the session and clock the stand-in gives, or for reuse only', () => {
    quietConsole();
    const ledger = createStripeSecretLedger();
    const session = makeCustomerSession({ now: t0 });
    const fallback = { session, now: () => t0 + 31 * minute };
    expect(ledger.render(session.client_secret, buyButton(1), fallback).map((violation) => violation.rule)).toEqual(['render-within-30-minutes']);
    const unknown = makeCustomerSession({ now: t0 - 60 * minute }).client_secret;
    expect(ledger.render(unknown, buyButton(2))).toEqual([]);
    expect(ledger.render(unknown, buyButton(3)).map((violation) => violation.rule)).toEqual(['single-use']);
  });

  it('tells subscribers, and reset() forgets every secret and violation', async () => {
    quietConsole();
    const ledger = createStripeSecretLedger();
    const seen: string[] = [];
    const unsubscribe = ledger.subscribe((violation) => seen.push(violation.rule));
    const { secret } = await issued();
    ledger.render(secret, buyButton(1));
    ledger.render(secret, buyButton(2));
    unsubscribe();
    ledger.render(secret, buyButton(3));
    expect(seen).toEqual(['single-use']);
    ledger.reset();
    expect(ledger.violations).toEqual([]);
    expect(ledger.render(secret, buyButton(4))).toEqual([]);
  });

  it('assertNoStripeRuleViolations throws one error listing every violation, masked', async () => {
    quietConsole();
    const ledger = createStripeSecretLedger();
    const { secret } = await issued();
    expect(() => assertNoStripeRuleViolations(ledger.violations)).not.toThrow();
    ledger.render(secret, buyButton(1));
    ledger.render(secret, buyButton(2));
    ledger.render(secret, buyButton(1));
    const thrown = (() => {
      try {
        assertNoStripeRuleViolations(ledger.violations);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(thrown).toBeInstanceOf(StripeRuleViolationError);
    expect((thrown as StripeRuleViolationError).violations).toHaveLength(2);
    expect((thrown as Error).message).toMatch(/saw 2 of Stripe's rules .* broken:\n {2}1\. single-use: .*\n {2}2\. single-use: .*a second time/s);
    expect((thrown as Error).message).not.toContain(secret);
  });
});

describe('the emulator as the stand-ins’ source of sessions', () => {
  it('finds the session behind each secret it issued, components and all, and nothing for others', async () => {
    const { emulator, secret, session } = await issued();
    expect(emulator.findCustomerSession(secret)).toEqual({ ...session, components: expect.objectContaining({ buy_button: { enabled: true } }) });
    expect(emulator.findCustomerSession(makeCustomerSession().client_secret)).toBeUndefined();
  });
});
