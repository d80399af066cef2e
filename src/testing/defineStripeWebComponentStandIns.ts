import { maskClientSecret } from './maskClientSecret';
import { h } from './h';
import { standInStyles as s } from './standInStyles';

const kinds = {
  'stripe-pricing-table': { title: 'Pricing table', idAttribute: 'pricing-table-id' },
  'stripe-buy-button': { title: 'Buy button', idAttribute: 'buy-button-id' },
} as const;

function render(element: HTMLElement, tag: keyof typeof kinds): void {
  const { title, idAttribute } = kinds[tag];
  const read = (name: string) => element.getAttribute(name);
  const secret = read('customer-session-client-secret');
  const row = (name: string, value: string | null) =>
    value === null ? null : h('li', { style: s.row }, h('span', { style: { color: '#6a7383', minWidth: '9.5em' } }, name), h('span', { style: { ...s.mono, overflowWrap: 'anywhere' } }, value));
  const customer = secret
    ? h('div', { style: s.customer, 'data-stand-in': 'customer' }, 'Customer session ', h('span', { style: s.mono }, maskClientSecret(secret)))
    : h('div', { style: s.guest, 'data-stand-in': 'customer' }, 'Guest: no customer session');
  element.replaceChildren(
    h(
      'div',
      { style: s.card, role: 'group', 'aria-label': `${title} (stand-in)` },
      h('div', { style: s.header }, h('span', { style: s.title }, title), h('span', { style: s.pill }, 'stand-in')),
      customer,
      h(
        'ul',
        { style: s.list },
        row(idAttribute, read(idAttribute)),
        row('publishable-key', read('publishable-key')),
        row('client-reference-id', read('client-reference-id')),
        row('customer-email', read('customer-email')),
      ),
      tag === 'stripe-buy-button' ? h('button', { type: 'button', style: s.button }, 'Buy now') : null,
      h('div', { style: s.muted }, `Rendered at ${new Date().toLocaleTimeString()}`),
    ),
  );
}

/**
 * Registers stand-in `<stripe-pricing-table>` and `<stripe-buy-button>` elements that show their
 * attributes (secret masked), for tests, CI and Storybook where js.stripe.com is unreachable.
 * Like Stripe's, they read attributes only when connected. Idempotent; an already defined tag
 * (the real script, or an earlier call) is left alone. `PricingTable`/`BuyButton` then skip loading
 * Stripe's scripts. Returns the tags it defined.
 */
export function defineStripeWebComponentStandIns(): string[] {
  const defined: string[] = [];
  for (const tag of Object.keys(kinds) as Array<keyof typeof kinds>) {
    if (customElements.get(tag)) continue;
    customElements.define(
      tag,
      class extends HTMLElement {
        connectedCallback() {
          render(this, tag);
        }
      },
    );
    defined.push(tag);
  }
  return defined;
}
