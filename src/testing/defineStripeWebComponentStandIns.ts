import { maskClientSecret } from './maskClientSecret';
import { h } from './h';
import { standInStyles as s } from './standInStyles';
import { pageSecretLedger, type LedgerElement, type StripeSecretLedger } from './rules/createStripeSecretLedger';
import type { StripeRuleViolation } from './rules/stripeRules';
import { violationNotice } from './rules/violationNotice';

/** A plan column of the pricing table stand-in. */
export interface StandInPlan {
  name: string;
  /** As printed, e.g. `$29`. */
  price: string;
  interval: string;
  features: string[];
  highlight?: boolean;
}

/** What the stand-ins display; Stripe's real elements show what you configured in the Dashboard. */
export interface WebComponentStandInOptions {
  plans?: StandInPlan[];
  product?: { name: string; price: string };
  /** Where the secrets they render are recorded and checked; defaults to the page's, shared with `createStripeStandIn`. */
  ledger?: StripeSecretLedger;
}

/** A `<stripe-pricing-table>` / `<stripe-buy-button>` stand-in element: the Stripe rules it saw broken. */
export interface StripeWebComponentStandIn extends HTMLElement {
  readonly violations: readonly StripeRuleViolation[];
}

const defaultPlans: StandInPlan[] = [
  { name: 'Starter', price: '$9', interval: 'per month', features: ['1 notebook', 'Email support'] },
  { name: 'Pro', price: '$29', interval: 'per month', features: ['10 notebooks', 'Priority support'], highlight: true },
  { name: 'Team', price: '$79', interval: 'per month', features: ['Unlimited', 'Shared workspace'] },
];
const defaultProduct = { name: 'Gift card', price: '$25.00' };

const kinds = {
  'stripe-pricing-table': { title: 'Pricing table', attributes: ['pricing-table-id', 'publishable-key', 'client-reference-id', 'customer-email', 'customer-session-client-secret'] },
  'stripe-buy-button': { title: 'Buy button', attributes: ['buy-button-id', 'publishable-key', 'client-reference-id', 'customer-email', 'customer-session-client-secret'] },
} as const;

function customerBanner(secret: string | null, email: string | null): HTMLElement {
  if (!secret) return h('div', { style: s.guest, 'data-stand-in': 'customer' }, email ? `Guest: no customer session · ${email}` : 'Guest: no customer session');
  return h(
    'div',
    { style: s.customer, 'data-stand-in': 'customer' },
    h('strong', {}, 'Signed in'),
    ' · Customer session ',
    h('span', { style: s.mono }, maskClientSecret(secret)),
  );
}

function attributePanel(element: HTMLElement, names: readonly string[]): HTMLElement {
  const rows = names.map((name) => {
    const value = element.getAttribute(name);
    if (value === null) return null;
    const shown = name === 'customer-session-client-secret' ? maskClientSecret(value) : value;
    return h('li', { style: s.row }, h('span', { style: { ...s.faint, minWidth: '11em' } }, name), h('span', { style: { ...s.mono, overflowWrap: 'anywhere' } }, shown));
  });
  return h('details', { style: s.details }, h('summary', {}, 'Attributes Stripe receives'), h('ul', { style: s.list }, ...rows));
}

function planColumn(plan: StandInPlan, signedIn: boolean): HTMLElement {
  return h(
    'div',
    { style: plan.highlight ? { ...s.plan, ...s.planHighlight } : s.plan, role: 'group', 'aria-label': `${plan.name} plan` },
    h('div', { style: s.title }, plan.name),
    h('div', { style: s.price }, plan.price),
    h('div', { style: s.faint }, plan.interval),
    h('ul', { style: { ...s.list, margin: '8px 0' } }, ...plan.features.map((feature) => h('li', { style: s.faint }, `✓ ${feature}`))),
    h('button', { type: 'button', style: plan.highlight ? { ...s.button, padding: '8px 6px', marginTop: '6px' } : s.buttonQuiet }, signedIn ? 'Subscribe' : 'Start trial'),
  );
}

type Tag = keyof typeof kinds;
type Resolved = Required<Omit<WebComponentStandInOptions, 'ledger'>>;

/** What a checkout from the stand-in would do, per Stripe's guides, once the secret's window has closed. */
const lateCheckout: Record<Tag, string> = {
  'stripe-pricing-table': 'Checkout would open with no customer: Stripe discards an expired client secret.',
  'stripe-buy-button': 'Checkout would fail: the Customer Session has expired.',
};

function render(element: HTMLElement, tag: Tag, options: Resolved, notices: HTMLElement, onCheckout: () => void): void {
  const { title, attributes } = kinds[tag];
  const secret = element.getAttribute('customer-session-client-secret');
  const body =
    tag === 'stripe-pricing-table'
      ? h('div', { style: s.plans }, ...options.plans.map((plan) => planColumn(plan, secret !== null)))
      : h(
          'div',
          { style: s.product },
          h('div', {}, h('div', { style: s.title }, options.product.name), h('div', { style: s.faint }, options.product.price)),
          h('button', { type: 'button', style: { ...s.button, marginTop: '0' } }, 'Buy now'),
        );
  for (const button of body.querySelectorAll('button')) button.addEventListener('click', onCheckout);
  element.replaceChildren(
    h(
      'div',
      { style: { ...s.card, maxWidth: tag === 'stripe-pricing-table' ? '560px' : '440px' }, role: 'group', 'aria-label': `${title} (stand-in)` },
      h('div', { style: s.header }, h('span', { style: s.title }, title), h('span', { style: s.pill }, 'stand-in')),
      notices,
      customerBanner(secret, element.getAttribute('customer-email')),
      body,
      attributePanel(element, attributes),
    ),
  );
}

/**
 * Registers STAND-IN `<stripe-pricing-table>` and `<stripe-buy-button>` elements for tests, CI and
 * Storybook where js.stripe.com is unreachable: a pricing table of plans and prices and a buy button
 * for a product, the customer shown signed in when a `customer-session-client-secret` is set, and a
 * closed "Attributes Stripe receives" panel (secret masked). Like Stripe's, they read attributes only
 * when connected. Idempotent; an already defined tag (the real script, or an earlier call) is left
 * alone, and `PricingTable`/`BuyButton` then skip loading Stripe's scripts. Returns the tags it defined.
 *
 * They hold the page to Stripe's rules for the secret (see `StripeRule`): each connect with a secret is
 * a render, each click on a plan or "Buy now" a checkout, recorded in the ledger. A broken rule is
 * reported on the console, in the element's `violations` and the ledger's, and shown inside the element.
 */
export function defineStripeWebComponentStandIns(options: WebComponentStandInOptions = {}): string[] {
  const resolved: Resolved = { plans: options.plans ?? defaultPlans, product: options.product ?? defaultProduct };
  const ledger = options.ledger ?? pageSecretLedger;
  const defined: string[] = [];
  for (const tag of Object.keys(kinds) as Tag[]) {
    if (customElements.get(tag)) continue;
    let count = 0;
    customElements.define(
      tag,
      class extends HTMLElement implements StripeWebComponentStandIn {
        readonly violations: StripeRuleViolation[] = [];
        readonly #notices = h('div', {});
        #self: LedgerElement | null = null;

        connectedCallback() {
          const secret = this.getAttribute('customer-session-client-secret');
          if (secret !== null) this.#record(ledger.render(secret, this.#ledgerElement()));
          render(this, tag, resolved, this.#notices, () => this.#checkout());
        }

        #ledgerElement(): LedgerElement {
          const id = this.getAttribute(kinds[tag].attributes[0]);
          this.#self ??= { kind: tag, label: `<${tag}${id === null ? '' : ` ${kinds[tag].attributes[0]}="${id}"`}> #${(count += 1)}` };
          return this.#self;
        }

        #checkout() {
          const secret = this.getAttribute('customer-session-client-secret');
          if (secret === null) return;
          const broken = ledger.use(secret, this.#ledgerElement(), 'checkout');
          this.#record(broken);
          if (broken.length > 0) this.#notices.append(h('div', { style: s.violation, role: 'status' }, lateCheckout[tag]));
        }

        #record(broken: StripeRuleViolation[]) {
          if (broken.length === 0) return;
          this.violations.push(...broken);
          this.#notices.replaceChildren(violationNotice(this.violations) ?? '');
        }
      },
    );
    defined.push(tag);
  }
  return defined;
}
