import type { StripeElementsOptions } from '@stripe/stripe-js';
import { maskClientSecret } from './maskClientSecret';
import type { CustomerSession } from '../core/types';
import { describePaymentElementFeatures } from './describePaymentElementFeatures';
import { h } from './h';
import { standInStyles as s } from './standInStyles';

function summary(options: StripeElementsOptions): string {
  const { mode, currency } = options as { mode?: string; currency?: string };
  const amount = (options as { amount?: number }).amount;
  const money = amount !== undefined && currency ? ` · ${(amount / 100).toFixed(2)} ${currency.toUpperCase()}` : '';
  return mode ? `mode: ${mode}${money}` : 'clientSecret mode';
}

function customerSection(options: StripeElementsOptions, resolve: (secret: string) => CustomerSession | null | undefined): HTMLElement {
  const secret = options.customerSessionClientSecret;
  if (!secret) return h('div', { style: s.guest, 'data-stand-in': 'customer' }, 'Guest checkout: no customer session');
  const session = resolve(secret);
  const head = h('div', { style: s.customer, 'data-stand-in': 'customer' }, 'Customer session ', h('span', { style: s.mono }, maskClientSecret(secret)));
  if (!session) return h('div', {}, head, h('div', { style: s.muted }, 'Features unknown to the stand-in: call standIn.addSession(session).'));
  if (!session.components.payment_element.enabled) return h('div', {}, head, h('div', { style: s.muted }, 'This session does not enable payment_element.'));
  const rows = describePaymentElementFeatures(session).map(([label, on]) =>
    h('li', { style: s.row, 'aria-label': `${label}: ${on ? 'on' : 'off'}` }, h('span', { style: on ? s.on : s.off, 'aria-hidden': 'true' }, on ? '✓' : '–'), label),
  );
  return h('div', {}, head, h('ul', { style: s.list, 'aria-label': 'Saved payment method features' }, ...rows));
}

/**
 * Renders an element's placeholder into `node`: for `payment`, a labelled card with the customer
 * (masked secret), the session's saved-payment-method features and stand-in card fields. `refresh()`
 * redraws the customer part only, so typed values survive `elements.update()`.
 */
export function mountElementStandIn(
  node: HTMLElement,
  type: string,
  readOptions: () => StripeElementsOptions,
  resolve: (secret: string) => CustomerSession | null | undefined,
): { refresh(): void } {
  const label = type === 'payment' ? 'Payment Element' : `${type} Element`;
  const info = h('div', {});
  const footer = h('div', { style: s.muted });
  const field = (text: string, placeholder: string) => h('label', { style: s.label }, text, h('input', { style: s.input, placeholder, autocomplete: 'off' }));
  const fields =
    type === 'payment'
      ? h('div', {}, field('Card number', '4242 4242 4242 4242'), h('div', { style: { display: 'flex', gap: '10px' } }, field('Expiry', 'MM / YY'), field('CVC', '123')))
      : null;
  const header = h('div', { style: s.header }, h('span', { style: s.title }, label), h('span', { style: s.pill }, 'stand-in'));
  node.replaceChildren(h('div', { style: s.card, role: 'group', 'aria-label': `${label} (stand-in)` }, header, info, fields, footer));
  const refresh = () => {
    const options = readOptions();
    info.replaceChildren(type === 'payment' ? customerSection(options, resolve) : '');
    footer.textContent = summary(options);
  };
  refresh();
  return { refresh };
}
