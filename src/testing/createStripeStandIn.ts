import type { Stripe, StripeElementsOptions, StripeElementsUpdateOptions } from '@stripe/stripe-js';
import type { CustomerSession } from '../core/types';
import { mountElementStandIn } from './mountElementStandIn';

/** Everything the stand-in was given, oldest first. Secrets are kept as given: test memory only. */
export interface StripeStandInCalls {
  /** Options of each `stripe.elements(options)` call. */
  elements: Array<StripeElementsOptions | undefined>;
  /** Options of each `elements.update(options)` call. */
  update: StripeElementsUpdateOptions[];
  /** Each `elements.create(type, options)` call. */
  create: Array<{ type: string; options: unknown }>;
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
}

type Handler = (...args: unknown[]) => void;
const notAvailable = () => Promise.resolve({ error: { type: 'invalid_request_error', message: 'Not available in the Stripe stand-in.' } });

/**
 * An offline stand-in for Stripe.js for tests, CI and Storybook: pass it as `stripe` to
 * `<CustomerSessionProvider>` or `<Elements>`. `elements()` and `elements.update()` are recorded in
 * `calls`; `elements.create('payment')` mounts a labelled placeholder showing the customer (masked
 * secret) and the session's saved-payment-method features, redrawn on every `elements.update()`.
 * Confirm and token methods resolve with an error; nothing touches the network.
 */
export function createStripeStandIn(options: StripeStandInOptions = {}): StripeStandIn {
  const sessions = new Map<string, CustomerSession>();
  const resolve = options.resolveSession ?? ((secret: string) => sessions.get(secret));
  const calls: StripeStandInCalls = { elements: [], update: [], create: [] };
  let latest: StripeElementsOptions | null = null;

  const elements = (createOptions?: StripeElementsOptions) => {
    calls.elements.push(createOptions && { ...createOptions });
    const current = { ...createOptions } as StripeElementsOptions;
    latest = current;
    const mounted = new Set<{ refresh(): void }>();
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
        let view: { refresh(): void } | null = null;
        let node: HTMLElement | null = null;
        const element = {
          mount(target: string | HTMLElement) {
            node = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target;
            if (!node) throw new Error(`Stripe stand-in: nothing matches ${String(target)}`);
            view = mountElementStandIn(node, type, () => current, resolve);
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
    confirmPayment: notAvailable,
    confirmSetup: notAvailable,
    retrievePaymentIntent: notAvailable,
    retrieveSetupIntent: notAvailable,
  };
  return standIn as unknown as StripeStandIn;
}
