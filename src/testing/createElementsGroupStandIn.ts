import type { StripeElementsOptions, StripeElementsUpdateOptions } from '@stripe/stripe-js';
import type { CustomerSession } from '../core/types';
import type { EmulatorStripeClient } from './createEmulatorStripeClient';
import type { StandInConfirmCall, StandInGroup } from './confirmWithStandIn';
import { mountElementStandIn, type ElementStandInView } from './mountElementStandIn';
import type { LedgerElement, LedgerFallback, StripeSecretLedger } from './rules/createStripeSecretLedger';
import type { StripeRuleViolation } from './rules/stripeRules';
import type { StripeStandInCalls } from './createStripeStandIn';

type Handler = (...args: unknown[]) => void;

/** What every Elements group of one Stripe.js stand-in shares. */
export interface ElementsGroupContext {
  calls: StripeStandInCalls;
  resolve: (secret: string) => CustomerSession | null | undefined;
  client: EmulatorStripeClient | null;
  ledger: StripeSecretLedger;
  /** The session and clock for a secret no emulator on the page issued. */
  fallback: (secret: string) => LedgerFallback;
  /** Collects every violation of the stand-in's groups (`standIn.violations`). */
  violations: StripeRuleViolation[];
  /** Names each group in reports: `stripe.elements() #n`. */
  serial: () => number;
}

const notAvailable = () => Promise.resolve({ error: { type: 'invalid_request_error', message: 'Not available in the Stripe stand-in.' } });

/**
 * One `stripe.elements(options)` group. For Stripe's rules the group is the element: the secret is
 * rendered when the group's first element mounts, and again only when `update()` brings a different
 * secret (rotation in place). A group created and never mounted (React StrictMode's discarded first
 * render) renders nothing; a new group with a secret another group rendered is a second render.
 */
export function createElementsGroupStandIn(createOptions: StripeElementsOptions | undefined, context: ElementsGroupContext): { group: object; state: StandInGroup } {
  const { calls, ledger } = context;
  const current = { ...createOptions } as StripeElementsOptions;
  const mounted = new Set<ElementStandInView>();
  const created = new Map<string, unknown>();
  const self: LedgerElement = { kind: 'elements', label: `stripe.elements() #${context.serial()}` };
  const violations: StripeRuleViolation[] = [];
  let rendered: string | null = null;

  const record = (broken: StripeRuleViolation[]) => {
    if (broken.length === 0) return;
    violations.push(...broken);
    context.violations.push(...broken);
    for (const view of mounted) view.showViolations();
  };
  const renderSecret = () => {
    const secret = current.customerSessionClientSecret;
    if (!secret || secret === rendered) return;
    rendered = secret;
    record(ledger.render(secret, self, context.fallback(secret)));
  };

  const group = {
    update(updates: StripeElementsUpdateOptions) {
      calls.update.push({ ...updates });
      Object.assign(current, updates);
      if (mounted.size > 0) renderSecret();
      for (const view of mounted) view.refresh();
      return Promise.resolve();
    },
    create(type: string, elementOptions?: unknown) {
      calls.create.push({ type, options: elementOptions });
      const listeners = new Map<string, Set<Handler>>();
      let view: ElementStandInView | null = null;
      let node: HTMLElement | null = null;
      const element = {
        mount(target: string | HTMLElement) {
          node = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target;
          if (!node) throw new Error(`Stripe stand-in: nothing matches ${String(target)}`);
          renderSecret();
          view = mountElementStandIn(node, type, { readOptions: () => current, resolve: context.resolve, client: context.client, violations: () => violations });
          mounted.add(view);
          void Promise.resolve().then(() => listeners.get('ready')?.forEach((handler) => handler({ elementType: type })));
        },
        unmount() {
          if (view) mounted.delete(view);
          node?.replaceChildren();
          view = node = null;
        },
        destroy() {
          element.unmount();
          created.delete(type);
        },
        update: () => view?.refresh(),
        on(event: string, handler: Handler) {
          if (!listeners.has(event)) listeners.set(event, new Set());
          listeners.get(event)?.add(handler);
          return element;
        },
        off(event: string, handler?: Handler) {
          if (handler) listeners.get(event)?.delete(handler);
          else listeners.delete(event);
          return element;
        },
        once: (event: string, handler: Handler) => element.on(event, handler),
        focus() {},
        blur() {},
        clear() {},
        collapse() {},
      };
      created.set(type, element);
      return element;
    },
    getElement: (type: string) => created.get(type) ?? null,
    fetchUpdates: () => Promise.resolve({}),
    submit: notAvailable,
    on() {},
  };

  const state: StandInGroup = {
    options: () => current,
    views: mounted,
    used(method: StandInConfirmCall['method']) {
      const secret = current.customerSessionClientSecret;
      if (secret) record(ledger.use(secret, self, method, context.fallback(secret)));
    },
  };
  return { group, state };
}
