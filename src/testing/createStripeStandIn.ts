import type { Stripe, StripeElementsOptions, StripeElementsUpdateOptions } from '@stripe/stripe-js';
import type { CustomerSession } from '../core/types';
import { createEmulatorStripeClient } from './createEmulatorStripeClient';
import type { StripeEmulator } from './emulator/types';
import { confirmWithStandIn, type StandInConfirmCall, type StandInGroup } from './confirmWithStandIn';
import { mountElementStandIn, type ElementStandInView } from './mountElementStandIn';

/** Everything the stand-in was given, oldest first. Secrets are kept as given: test memory only. */
export interface StripeStandInCalls {
  /** Options of each `stripe.elements(options)` call. */
  elements: Array<StripeElementsOptions | undefined>;
  /** Options of each `elements.update(options)` call. */
  update: StripeElementsUpdateOptions[];
  /** Each `elements.create(type, options)` call. */
  create: Array<{ type: string; options: unknown }>;
  /** Each `confirmPayment` / `confirmSetup` call and how it ended. */
  confirm: StandInConfirmCall[];
}

/** A `Stripe` that `<Elements>` accepts, recording what it receives. */
export interface StripeStandIn extends Stripe {
  readonly calls: StripeStandInCalls;
  /** Current options of the latest Elements group: its creation options merged with every update. */
  readonly elementsOptions: StripeElementsOptions | null;
  /** Lets the Payment Element placeholder show this session's features when it receives its secret. */
  addSession(session: CustomerSession): void;
}

export interface StripeStandInOptions {
  /** Finds the session behind a secret, like Stripe.js would from its API; defaults to sessions given to `addSession`. */
  resolveSession?: (clientSecret: string) => CustomerSession | null | undefined;
  /**
   * The emulator holding the customers' saved cards (seed them with `seedSavedCards`): the Payment
   * Element lists them, "Remove" detaches them, and a checked save box saves the new card there.
   * Without it every customer has no saved cards.
   */
  emulator?: Pick<StripeEmulator, 'handle'>;
  /** Stripe's clock in ms, for `expires_at` at confirmation. Defaults to `Date.now`. */
  now?: () => number;
}

type Handler = (...args: unknown[]) => void;
const notAvailable = () => Promise.resolve({ error: { type: 'invalid_request_error', message: 'Not available in the Stripe stand-in.' } });

/**
 * An offline STAND-IN for Stripe.js, for tests, CI and Storybook (it is not Stripe.js, and says so on
 * screen): pass it as `stripe` to `<CustomerSessionProvider>` or `<Elements>`. `elements()`,
 * `elements.update()` and confirmations are recorded in `calls`; nothing touches the network.
 *
 * `elements.create('payment')` mounts what the real Payment Element shows for the session behind
 * `customerSessionClientSecret`, following Stripe's documentation of the Customer Session features
 * (https://docs.stripe.com/api/customer_sessions/create, `components.payment_element.features`) and of
 * saved payment methods (https://docs.stripe.com/payments/save-customer-payment-methods):
 * - `payment_method_redisplay` enabled (default disabled): a list named "Saved payment methods", one
 *   item per saved card naming brand and last 4, newest first, only cards whose
 *   [`allow_redisplay`](https://docs.stripe.com/api/payment_methods/object#payment_method_object-allow_redisplay)
 *   is in `payment_method_allow_redisplay_filters` (default `['always']`), at most
 *   `payment_method_redisplay_limit` of them (default 3, at most 10);
 * - `payment_method_remove` enabled: a "Remove" button per listed card, which detaches it from the
 *   customer (Stripe: removing "detaches the customer object from that PaymentMethod");
 * - `payment_method_save` enabled: the "Save payment details for future purchases" checkbox with the
 *   `payment_method_save_usage` beside it; a card saved through it gets `allow_redisplay: 'always'`;
 * - no secret, or a session that does not enable `payment_element`: the guest card form only.
 * Saved cards come from `options.emulator`. Redrawn on every `elements.update()`, typed fields kept.
 *
 * `confirmPayment` / `confirmSetup` (with `elements`) resolve like Stripe.js: `{ error }` with code
 * `customer_session_expired` when the session's `expires_at` has passed on `options.now`, otherwise a
 * succeeded stand-in intent. Token methods resolve with an error.
 */
export function createStripeStandIn(options: StripeStandInOptions = {}): StripeStandIn {
  const sessions = new Map<string, CustomerSession>();
  const resolve = options.resolveSession ?? ((secret: string) => sessions.get(secret));
  const client = options.emulator ? createEmulatorStripeClient(options.emulator, { apiKey: 'sk_test_stripe_js_stand_in' }) : null;
  const calls: StripeStandInCalls = { elements: [], update: [], create: [], confirm: [] };
  const groups = new WeakMap<object, StandInGroup>();
  let latest: StripeElementsOptions | null = null;

  const elements = (createOptions?: StripeElementsOptions) => {
    calls.elements.push(createOptions && { ...createOptions });
    const current = { ...createOptions } as StripeElementsOptions;
    latest = current;
    const mounted = new Set<ElementStandInView>();
    const created = new Map<string, unknown>();
    const group = {
      update(updates: StripeElementsUpdateOptions) {
        calls.update.push({ ...updates });
        Object.assign(current, updates);
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
            view = mountElementStandIn(node, type, { readOptions: () => current, resolve, client });
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
    groups.set(group, { options: () => current, views: mounted });
    return group;
  };

  const standIn = {
    calls,
    get elementsOptions() {
      return latest;
    },
    addSession(session: CustomerSession) {
      sessions.set(session.client_secret, session);
    },
    elements,
    createToken: notAvailable,
    createPaymentMethod: notAvailable,
    confirmCardPayment: notAvailable,
    confirmPayment: (params: { elements?: object }) => confirmWithStandIn('confirmPayment', params, { groups, resolve, client, calls: calls.confirm, now: options.now ?? Date.now }),
    confirmSetup: (params: { elements?: object }) => confirmWithStandIn('confirmSetup', params, { groups, resolve, client, calls: calls.confirm, now: options.now ?? Date.now }),
    retrievePaymentIntent: notAvailable,
    retrieveSetupIntent: notAvailable,
  };
  return standIn as unknown as StripeStandIn;
}
