import type { CustomerSession } from '../../core/types';
import { maskClientSecret } from '../maskClientSecret';
import { findSecretOrigin } from './sessionSources';
import {
  describeViolation,
  docsFor,
  RENDER_WINDOW_MS,
  USE_WINDOW_MS,
  type StripeElementKind,
  type StripeRule,
  type StripeRuleAction,
  type StripeRuleViolation,
  type ViolationFacts,
} from './stripeRules';

/** One element as the ledger knows it: compared by identity, named in reports by `label`. */
export interface LedgerElement {
  readonly kind: StripeElementKind;
  /** e.g. `<stripe-buy-button buy-button-id="buy_btn_1">`; never the secret. */
  readonly label: string;
}

/** What the stand-in knows of a secret: its session (for one no emulator on the page issued) and, when given, Stripe's clock. */
export interface LedgerFallback {
  session?: CustomerSession | null | undefined;
  /** Overrides the issuing emulator's clock (the stand-in's `now` option); else the emulator's, else `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * Every secret the stand-ins of a page received, and the rules they broke. Shared by the Stripe.js
 * stand-in and the web-component stand-ins, so a secret a pricing table rendered and then Elements
 * received is caught too. A secret's session and clock come from the emulator that issued it.
 */
export interface StripeSecretLedger {
  /** Every rule broken so far, oldest first. */
  readonly violations: readonly StripeRuleViolation[];
  /** Records that `element` rendered `secret` now; returns the rules this broke (already reported). */
  render(secret: string, element: LedgerElement, fallback?: LedgerFallback): StripeRuleViolation[];
  /** Records a checkout or confirmation with `secret` in `element`; returns the rules this broke. */
  use(secret: string, element: LedgerElement, action: Exclude<StripeRuleAction, 'render'>, fallback?: LedgerFallback): StripeRuleViolation[];
  /** Calls `listener` with each new violation. Returns the unsubscribe. */
  subscribe(listener: (violation: StripeRuleViolation) => void): () => void;
  /** Forgets every secret and violation (between tests). */
  reset(): void;
}

interface Render {
  element: LedgerElement;
  at: number;
}

/**
 * A ledger of its own; stand-ins use the page's (`pageSecretLedger`) unless given one. Each
 * violation is reported as it happens: `console.error` naming the rule and its Stripe page, then
 * `violations` and the subscribers (the stand-ins draw their warning from there).
 */
export function createStripeSecretLedger(): StripeSecretLedger {
  const renders = new Map<string, Render[]>();
  const violations: StripeRuleViolation[] = [];
  const listeners = new Set<(violation: StripeRuleViolation) => void>();

  const origin = (secret: string, fallback: LedgerFallback | undefined) => {
    const found = findSecretOrigin(secret);
    const now = fallback?.now ?? found?.now ?? Date.now;
    return { session: found?.session ?? fallback?.session ?? null, now: now() };
  };

  const report = (rule: StripeRule, element: LedgerElement, time: number, facts: Omit<ViolationFacts, 'element'>): StripeRuleViolation => {
    const docs = docsFor(rule, element.kind);
    const message = describeViolation(rule, { ...facts, element: element.label });
    const violation: StripeRuleViolation = { rule, docs, message, secret: facts.secret, element: element.label, firstRenderedIn: facts.firstRenderedIn, action: facts.action, time };
    violations.push(violation);
    console.error(`Stripe rule broken: ${rule} (${docs}). ${message}`);
    for (const listener of listeners) listener(violation);
    return violation;
  };

  return {
    violations,
    render(secret, element, fallback) {
      const { session, now } = origin(secret, fallback);
      const masked = maskClientSecret(secret);
      const before = renders.get(secret) ?? [];
      const found: StripeRuleViolation[] = [];
      const base = { secret: masked, action: 'render' as const, elapsedMs: 0, sameElement: false, expired: false };
      const first = before[0];
      if (first) {
        const sameElement = before.some((entry) => entry.element === element);
        found.push(report('single-use', element, now, { ...base, firstRenderedIn: first.element.label, sameElement }));
      }
      if (session) {
        const elapsedMs = now - session.created * 1000;
        const expired = now >= session.expires_at * 1000;
        if (elapsedMs > RENDER_WINDOW_MS || expired) found.push(report('render-within-30-minutes', element, now, { ...base, firstRenderedIn: null, elapsedMs, expired }));
      }
      renders.set(secret, [...before, { element, at: now }]);
      return found;
    },
    use(secret, element, action, fallback) {
      const rendered = renders.get(secret)?.filter((entry) => entry.element === element).at(-1);
      if (!rendered) return [];
      const { now } = origin(secret, fallback);
      const elapsedMs = now - rendered.at;
      if (elapsedMs <= USE_WINDOW_MS) return [];
      return [report('use-within-30-minutes-of-render', element, now, { secret: maskClientSecret(secret), firstRenderedIn: element.label, action, elapsedMs, sameElement: true, expired: true })];
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset() {
      renders.clear();
      violations.length = 0;
    },
  };
}

/** The ledger every stand-in on the page shares unless given its own. */
export const pageSecretLedger: StripeSecretLedger = createStripeSecretLedger();
