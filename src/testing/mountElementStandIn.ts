import type { StripeElementsOptions } from '@stripe/stripe-js';
import { maskClientSecret } from './maskClientSecret';
import type { CustomerSession } from '../core/types';
import type { EmulatorStripeClient } from './createEmulatorStripeClient';
import type { EmulatorPaymentMethod } from './emulator/types';
import { h } from './h';
import { listRedisplayedCards, paymentElementFeatures, savedCardExpiry, savedCardName } from './savedPaymentMethods';
import { standInStyles as s } from './standInStyles';
import type { StripeRuleViolation } from './rules/stripeRules';
import { violationNotice } from './rules/violationNotice';

/** What the customer chose in the Payment Element stand-in, read by `confirmPayment` / `confirmSetup`. */
export interface ElementSelection {
  /** The saved card picked, or `null` for a new card. */
  savedPaymentMethod: EmulatorPaymentMethod | null;
  /** Whether "Save payment details for future purchases" is checked (shown only with `payment_method_save`). */
  save: boolean;
  /** The new card's number as typed (may be empty). */
  cardNumber: string;
}

export interface ElementStandInView {
  refresh(): void;
  /** Redraws only the warning of broken Stripe rules (keeps the customer's choices). */
  showViolations(): void;
  selection(): ElementSelection;
}

export interface ElementStandInSources {
  readOptions: () => StripeElementsOptions;
  resolve: (secret: string) => CustomerSession | null | undefined;
  /** Where saved cards live (the emulator); without it the customer has none. */
  client: EmulatorStripeClient | null;
  /** The Stripe rules its Elements group broke, shown as a warning at the top. */
  violations: () => readonly StripeRuleViolation[];
}

function summary(options: StripeElementsOptions): string {
  const { mode, currency, amount } = options as { mode?: string; currency?: string; amount?: number };
  const money = amount !== undefined && currency ? ` · ${(amount / 100).toFixed(2)} ${currency.toUpperCase()}` : '';
  return mode ? `mode: ${mode}${money}` : 'clientSecret mode';
}

/** A few Appearance API variables, so a design system's tokens show on the stand-in too. */
function applyAppearance(card: HTMLElement, options: StripeElementsOptions): void {
  const variables = options.appearance?.variables ?? {};
  Object.assign(card.style, {
    accentColor: variables.colorPrimary ?? '',
    color: variables.colorText ?? s.card.color,
    background: variables.colorBackground ?? s.card.background,
    fontFamily: variables.fontFamily ?? 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  });
  for (const input of card.querySelectorAll<HTMLElement>('input:not([type])')) input.style.borderRadius = variables.borderRadius ?? s.input.borderRadius;
}

const brandMarks: Record<string, string> = { amex: 'AMEX', diners: 'DC', discover: 'DISC', jcb: 'JCB', mastercard: 'MC', unionpay: 'UP', visa: 'VISA' };

const saveLabel = 'Save payment details for future purchases';

// Radios sharing a name are one group across the whole document: each mount's saved cards are a group of their own.
let mounts = 0;

/**
 * Renders an element's placeholder into `node`. For `payment`, what the customer sees for the
 * session behind `customerSessionClientSecret`: the saved cards (a list named "Saved payment methods",
 * each with "Remove" when the session allows it), new card fields, the save checkbox, and a closed
 * details panel with what Stripe.js received. `refresh()` redraws all but the typed card fields.
 */
export function mountElementStandIn(node: HTMLElement, type: string, sources: ElementStandInSources): ElementStandInView {
  const label = type === 'payment' ? 'Payment Element' : `${type} Element`;
  const notices = h('div', {});
  const info = h('div', {});
  const saved = h('div', {});
  const saveBox = h('div', {});
  const details = h('div', {});
  const footer = h('div', { style: s.muted });
  const input = (placeholder: string) => h('input', { style: s.input, placeholder, autocomplete: 'off' }) as HTMLInputElement;
  const numberInput = input('4242 4242 4242 4242');
  const field = (text: string, control: HTMLElement) => h('label', { style: s.label }, text, control);
  const fields =
    type === 'payment'
      ? h('div', {}, field('Card number', numberInput), h('div', { style: { display: 'flex', gap: '10px' } }, field('Expiry', input('MM / YY')), field('CVC', input('123'))))
      : null;
  const header = h('div', { style: s.header }, h('span', { style: s.title }, label), h('span', { style: s.pill }, 'stand-in'));
  const card = h('div', { style: s.card, role: 'group', 'aria-label': `${label} (stand-in)` }, header, notices, info, saved, fields, saveBox, details, footer);
  node.replaceChildren(card);

  const radioName = `stand-in-saved-card-${++mounts}`;
  let listed: EmulatorPaymentMethod[] = [];
  let chosen: string | null = null;
  let saveChecked = false;
  let generation = 0;

  const renderSaved = (session: CustomerSession, removable: boolean) => {
    if (listed.length === 0) return saved.replaceChildren();
    if (!listed.some((method) => method.id === chosen)) chosen = listed[0]?.id ?? null;
    const items = listed.map((method) => {
      const radio = h('input', { type: 'radio', name: radioName, value: method.id }) as HTMLInputElement;
      radio.checked = method.id === chosen;
      radio.addEventListener('change', () => (chosen = method.id));
      const remove = removable ? h('button', { type: 'button', style: s.link }, 'Remove') : null;
      remove?.addEventListener('click', () => {
        remove.setAttribute('disabled', '');
        void sources.client?.paymentMethods.detach(method.id).then(() => loadSaved(session));
      });
      const brand = h('span', { style: s.brand, 'aria-hidden': 'true' }, brandMarks[method.card.brand] ?? 'CARD');
      const name = h('span', { style: { flex: '1' } }, `${savedCardName(method).replace(' ending in ', ' •••• ')}`);
      return h('li', { style: s.savedItem, 'aria-label': savedCardName(method) }, h('label', { style: s.savedLabel }, radio, brand, name), h('span', { style: s.faint }, savedCardExpiry(method)), remove);
    });
    const newCard = h('input', { type: 'radio', name: radioName, value: 'new' }) as HTMLInputElement;
    newCard.checked = chosen === null;
    newCard.addEventListener('change', () => (chosen = null));
    saved.replaceChildren(
      h('ul', { style: s.savedList, 'aria-label': 'Saved payment methods' }, ...items),
      h('label', { style: s.savedLabel }, newCard, 'New card'),
    );
  };

  const loadSaved = (session: CustomerSession) => {
    const current = ++generation;
    const removable = paymentElementFeatures(session).payment_method_remove === 'enabled';
    if (!sources.client) return;
    card.setAttribute('aria-busy', 'true');
    void listRedisplayedCards(sources.client, session)
      .catch(() => [])
      .then((methods) => {
        if (current !== generation) return;
        listed = methods;
        renderSaved(session, removable);
        card.setAttribute('aria-busy', 'false');
      });
  };

  const showViolations = () => notices.replaceChildren(violationNotice(sources.violations()) ?? '');

  const refresh = () => {
    showViolations();
    const options = sources.readOptions();
    footer.textContent = summary(options);
    applyAppearance(card, options);
    const secret = options.customerSessionClientSecret;
    const session = secret ? sources.resolve(secret) : null;
    const head = secret ? h('div', { style: s.customer, 'data-stand-in': 'customer' }, 'Customer session ', h('span', { style: s.mono }, maskClientSecret(secret))) : null;
    const enabled = session?.components.payment_element.enabled === true;
    generation += 1;
    listed = [];
    card.setAttribute('aria-busy', 'false');
    saved.replaceChildren();
    saveBox.replaceChildren();
    details.replaceChildren();
    if (type !== 'payment') return info.replaceChildren();
    if (!secret) return info.replaceChildren(h('div', { style: s.guest, 'data-stand-in': 'customer' }, 'Guest checkout: no customer session'));
    if (!session) return info.replaceChildren(h('div', {}, head, h('div', { style: s.muted }, 'Features unknown to the stand-in: call standIn.addSession(session).')));
    if (!enabled) return info.replaceChildren(h('div', {}, head, h('div', { style: s.muted }, 'This session does not enable payment_element.')));
    info.replaceChildren(head ?? '');
    const features = paymentElementFeatures(session);
    if (features.payment_method_save === 'enabled') {
      const box = h('input', { type: 'checkbox' }) as HTMLInputElement;
      box.checked = saveChecked;
      box.addEventListener('change', () => (saveChecked = box.checked));
      const usage = features.payment_method_save_usage ?? 'unset';
      saveBox.replaceChildren(h('div', { style: s.saveRow }, h('label', { style: s.checkLabel }, box, saveLabel), h('span', { style: s.faint, title: 'payment_method_save_usage' }, usage)));
    }
    const rows = Object.entries(features).map(([name, value]) => h('li', { style: s.row }, h('span', { style: s.faint }, name), h('span', { style: s.mono }, Array.isArray(value) ? value.join(', ') : String(value))));
    details.replaceChildren(h('details', { style: s.details }, h('summary', {}, 'What Stripe.js received'), h('ul', { style: s.list }, ...rows)));
    loadSaved(session);
  };

  refresh();
  return {
    refresh,
    showViolations,
    selection: () => ({
      savedPaymentMethod: listed.find((method) => method.id === chosen) ?? null,
      save: saveChecked && saveBox.childElementCount > 0,
      cardNumber: numberInput.value,
    }),
  };
}
