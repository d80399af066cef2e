import { expect, waitFor, within } from 'storybook/test';
import { maskClientSecret } from '../../src/testing/maskClientSecret';
import { assertNoStripeRuleViolations } from '../../src/testing/rules/assertNoStripeRuleViolations';
import { pageSecretLedger } from '../../src/testing/rules/createStripeSecretLedger';
import type { StripeRule } from '../../src/testing/rules/stripeRules';
import type { CustomerSessionStatus } from '../../src/react/types';
import type { StorefrontLoaded } from './loadStorefront';

type Canvas = ReturnType<typeof within>;

let storyStart = 0;

/** Marks where this story's share of the page's ledger starts (preview's `beforeEach`). */
export function startStripeRuleWatch(): void {
  storyStart = pageSecretLedger.violations.length;
}

/**
 * Asserts the stand-ins saw none of Stripe's rules for the client secret broken since the story
 * started: every story ends with it (preview's `afterEach`); a play function may call it mid-way too.
 * A failure lists each broken rule, the masked secret, the elements and Stripe's page.
 */
export function expectNoStripeRuleViolations(): void {
  // Thrown whole rather than diffed: the failure names every broken rule, element and Stripe page.
  assertNoStripeRuleViolations(pageSecretLedger.violations.slice(storyStart));
}

/**
 * For a story that breaks Stripe's rules on purpose: asserts the stand-ins reported exactly `rules`
 * since the story started, then accepts them, so the story's final check sees only what follows.
 */
export function acceptStripeRuleViolations(rules: StripeRule[]): void {
  expect(pageSecretLedger.violations.slice(storyStart).map((violation) => violation.rule)).toEqual(rules);
  storyStart = pageSecretLedger.violations.length;
}

/** Waits until the session badge reads `status`. */
export async function expectStatus(canvas: Canvas, status: CustomerSessionStatus, timeout = 5000): Promise<void> {
  await waitFor(() => expect(canvas.getByRole('status', { name: `Session ${status}` })).toBeVisible(), { timeout });
}

/** The newest secret the backend handed out; fails when there is none. */
export function lastSecret(loaded: StorefrontLoaded): string {
  const secret = loaded.backend.lastSession()?.client_secret;
  if (secret === undefined) throw new Error('The backend has not handed out a session yet.');
  return secret;
}

/** The Payment Element stand-in as the viewer sees it. */
export function paymentElement(canvas: Canvas): Promise<HTMLElement> {
  return canvas.findByRole('group', { name: 'Payment Element (stand-in)' });
}

/**
 * Asserts a secret the backend handed out is an element's own: its session enables `component` and
 * nothing else (least privilege: Stripe's one secret per render of each element).
 */
export function expectOwnSession(loaded: StorefrontLoaded, secret: string | null | undefined, component: string): string {
  expect(secret).toMatch(/^cuss_secret_/);
  const session = loaded.backend.sessionFor(secret!);
  expect(session).toBeDefined();
  const enabled = Object.entries(session!.components ?? {}).filter(([, value]) => (value as { enabled?: boolean }).enabled).map(([name]) => name);
  expect(enabled).toEqual([component]);
  return secret!;
}

/**
 * Asserts the Payment Element shows (masked) and received (in `elements()` or `elements.update()`) a
 * secret of its own (`secret`, when given); returns it.
 */
export async function expectPaymentElementSecret(canvas: Canvas, loaded: StorefrontLoaded, secret?: string): Promise<string> {
  const group = await paymentElement(canvas);
  await waitFor(() => expect(loaded.stripe?.elementsOptions?.customerSessionClientSecret).toEqual(secret ?? expect.stringMatching(/^cuss_secret_/)));
  const given = expectOwnSession(loaded, loaded.stripe?.elementsOptions?.customerSessionClientSecret, 'payment_element');
  await waitFor(() => expect(group).toHaveTextContent(`Customer session ${maskClientSecret(given)}`));
  expect(group).not.toHaveTextContent(given);
  return given;
}

/** Asserts the Payment Element renders as guest checkout and Stripe.js never saw a customer secret. */
export async function expectPaymentElementAnonymous(canvas: Canvas, loaded: StorefrontLoaded): Promise<void> {
  const group = await paymentElement(canvas);
  expect(group).toHaveTextContent('Guest checkout: no customer session');
  // The guest form: card fields only, no saved cards and no save checkbox.
  expect(within(group).getByLabelText('Card number')).toBeVisible();
  expect(within(group).queryByRole('list', { name: 'Saved payment methods' })).toBeNull();
  expect(within(group).queryByRole('checkbox')).toBeNull();
  const given = [...(loaded.stripe?.calls.elements ?? []), ...(loaded.stripe?.calls.update ?? [])];
  expect(given.length).toBeGreaterThan(0);
  for (const options of given) expect(options?.customerSessionClientSecret).toBeUndefined();
}

/** Waits until the Payment Element stand-in has loaded the customer's saved cards (it lists them asynchronously). */
export async function paymentElementSettled(canvas: Canvas): Promise<HTMLElement> {
  const group = await paymentElement(canvas);
  await waitFor(() => expect(group).toHaveAttribute('aria-busy', 'false'));
  return group;
}

/** The saved cards the customer sees, by name (`Visa ending in 4242`), top to bottom; `[]` when there is no list. */
export async function savedCardsShown(canvas: Canvas): Promise<string[]> {
  const group = await paymentElementSettled(canvas);
  const list = within(group).queryByRole('list', { name: 'Saved payment methods' });
  return list ? within(list).getAllByRole('listitem').map((item) => item.getAttribute('aria-label') ?? '') : [];
}

/** Asserts the customer sees exactly `expected` saved cards, in that order. */
export async function expectSavedCards(canvas: Canvas, expected: string[]): Promise<void> {
  await waitFor(async () => expect(await savedCardsShown(canvas)).toEqual(expected));
}

/** Asserts whether the Payment Element offers "Save payment details for future purchases", and with which usage. */
export async function expectSaveCheckbox(canvas: Canvas, usage: string | null): Promise<void> {
  const group = await paymentElementSettled(canvas);
  const box = within(group).queryByRole('checkbox', { name: 'Save payment details for future purchases' });
  if (usage === null) {
    expect(box).toBeNull();
    return;
  }
  expect(box).toBeVisible();
  expect(box?.closest('div')).toHaveTextContent(usage);
}

/** The Remove buttons the customer sees in the Payment Element. */
export async function removeButtons(canvas: Canvas): Promise<HTMLElement[]> {
  return within(await paymentElementSettled(canvas)).queryAllByRole('button', { name: 'Remove' });
}

type WebComponentTitle = 'Pricing table' | 'Buy button';
const webComponentTags = { 'Pricing table': 'stripe-pricing-table', 'Buy button': 'stripe-buy-button' } as const;

/** The web component stand-in (`Pricing table` / `Buy button`) as the viewer sees it. */
export function webComponent(canvas: Canvas, title: WebComponentTitle): Promise<HTMLElement> {
  return canvas.findByRole('group', { name: `${title} (stand-in)` });
}

const webComponentNames = { 'Pricing table': 'pricing_table', 'Buy button': 'buy_button' } as const;

/**
 * Asserts the web component shows (masked) and its Stripe element carries a secret of its own (a
 * session for its component alone); returns that element (`<stripe-pricing-table>` /
 * `<stripe-buy-button>`) for further attribute checks.
 */
export async function expectWebComponentSecret(canvas: Canvas, title: WebComponentTitle, loaded: StorefrontLoaded): Promise<Element> {
  const group = await webComponent(canvas, title);
  const element = group.closest(webComponentTags[title])!;
  await waitFor(() => expect(element).toHaveAttribute('customer-session-client-secret'));
  const secret = expectOwnSession(loaded, element.getAttribute('customer-session-client-secret'), webComponentNames[title]);
  expect(group).toHaveTextContent(`Customer session ${maskClientSecret(secret)}`);
  return element;
}

/** Asserts the web component renders as guest and its Stripe element got no customer secret. */
export async function expectWebComponentGuest(canvas: Canvas, title: WebComponentTitle): Promise<void> {
  const group = await webComponent(canvas, title);
  expect(group).toHaveTextContent('Guest: no customer session');
  expect(group.closest(webComponentTags[title])).not.toHaveAttribute('customer-session-client-secret');
}
