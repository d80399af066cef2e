/**
 * Stripe's documented rules for a Customer Session client secret, as the stand-ins enforce them:
 * - `single-use`: "a single-use client secret" (API reference); the buy button guide adds "generate a
 *   new one every time you render each buy button". One element renders a secret, once.
 * - `render-within-30-minutes`: "You must provide the client_secret within 30 minutes" (of creation),
 *   and never after the session's `expires_at`.
 * - `use-within-30-minutes-of-render`: "After providing the client secret, you have an additional 30
 *   minutes until the Customer Session expires": a checkout or confirmation after that window fails
 *   (buy button) or loses the customer (pricing table).
 */
export type StripeRule = 'single-use' | 'render-within-30-minutes' | 'use-within-30-minutes-of-render';

/** What an element did with the secret when it broke a rule. */
export type StripeRuleAction = 'render' | 'checkout' | 'confirmPayment' | 'confirmSetup';

/** One broken rule, as a stand-in reports it. Secrets appear masked only (`maskClientSecret`). */
export interface StripeRuleViolation {
  rule: StripeRule;
  /** The Stripe documentation page that states the rule. */
  docs: string;
  /** What happened, in a sentence naming the rule, the elements and the masked secret. */
  message: string;
  /** The secret, masked: `cuss_secret_…O8gL`. */
  secret: string;
  /** The element that broke the rule, e.g. `<stripe-buy-button buy-button-id="buy_btn_1">`. */
  element: string;
  /** Where the secret was first rendered, when it had been (`single-use`, `use-within-30-minutes-of-render`). */
  firstRenderedIn: string | null;
  action: StripeRuleAction;
  /** When, in ms since the epoch, on the clock of the emulator that issued the secret (else the stand-in's). */
  time: number;
}

/** Which kind of element a rule was broken in: it picks the Stripe page that states the rule for it. */
export type StripeElementKind = 'stripe-buy-button' | 'stripe-pricing-table' | 'elements';

/** Stripe's pages behind the rules, the links violations carry as `docs`: the API reference for `single-use`, each web component's guide for the 30-minute windows. */
export const stripeRuleDocs = {
  'stripe-buy-button': 'https://docs.stripe.com/payment-links/buy-button',
  'stripe-pricing-table': 'https://docs.stripe.com/payments/checkout/pricing-table',
  'single-use': 'https://docs.stripe.com/api/customer_sessions/create',
} as const;

/** Stripe's windows: 30 minutes to put the secret in, then 30 more after the render. */
export const RENDER_WINDOW_MS = 30 * 60_000;
export const USE_WINDOW_MS = 30 * 60_000;

/** The page a rule comes from: single-use from the API reference, the windows from the element's guide. */
export function docsFor(rule: StripeRule, kind: StripeElementKind): string {
  // The Payment Element's guide states no window of its own: the API reference's `expires_at` does.
  if (rule === 'single-use' || kind === 'elements') return stripeRuleDocs['single-use'];
  return stripeRuleDocs[kind];
}

const minutes = (ms: number) => `${Math.round(ms / 600) / 100} min`;

/** The facts a report states: the masked secret, the elements, and how long after `created` (render rule) or the render (use rule). */
export interface ViolationFacts {
  secret: string;
  element: string;
  firstRenderedIn: string | null;
  action: StripeRuleAction;
  elapsedMs: number;
  /** `single-use`: the element had rendered this secret itself before. */
  sameElement: boolean;
  /** `render-within-30-minutes`: the session's `expires_at` had passed (a lifetime under 30 minutes). */
  expired: boolean;
}

/** The sentence a report leads with. */
export function describeViolation(rule: StripeRule, facts: ViolationFacts): string {
  const { secret, element, firstRenderedIn, action, elapsedMs } = facts;
  switch (rule) {
    case 'single-use':
      return facts.sameElement
        ? `${secret} was rendered a second time by ${element} (a re-mount or re-connect): the client secret is single-use, every render needs a new Customer Session.`
        : `${secret} was rendered by ${element} after ${firstRenderedIn ?? 'another element'} had rendered it: the client secret is single-use, every element needs its own Customer Session.`;
    case 'render-within-30-minutes':
      return facts.expired
        ? `${secret} was put into ${element} ${minutes(elapsedMs)} after the session was created, past its expires_at: a secret must be provided before the session expires.`
        : `${secret} was put into ${element} ${minutes(elapsedMs)} after the session was created: Stripe requires the client secret within 30 minutes of creation.`;
    case 'use-within-30-minutes-of-render':
      return `${action} with ${secret} in ${element} came ${minutes(elapsedMs)} after the secret was rendered: the window closes 30 minutes after the render, so the Customer Session had expired.`;
  }
}
