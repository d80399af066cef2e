import type { Stripe, StripeElementsOptions, StripeElementsUpdateOptions } from '@stripe/stripe-js';
import type { CustomerSession } from '../core/types';
import { createEmulatorStripeClient } from './createEmulatorStripeClient';
import type { StripeEmulator } from './emulator/types';
import { confirmWithStandIn, type StandInConfirmCall, type StandInGroup } from './confirmWithStandIn';
import { createElementsGroupStandIn } from './createElementsGroupStandIn';
import { pageSecretLedger, type StripeSecretLedger } from './rules/createStripeSecretLedger';
import { findSecretOrigin } from './rules/sessionSources';
import type { StripeRuleViolation } from './rules/stripeRules';

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
  /** Every Stripe rule its Elements groups saw broken, oldest first (also in the ledger, on the console and on screen). */
  readonly violations: readonly StripeRuleViolation[];
}

/** Options of `createStripeStandIn`. */
export interface StripeStandInOptions {
  /**
   * Finds the session behind a secret, like Stripe.js would from its API. Sessions given to
   * `addSession` come first, then this, then every emulator on the page (it knows what it issued).
   */
  resolveSession?: (clientSecret: string) => CustomerSession | null | undefined;
  /**
   * The emulator holding the customers' saved cards (seed them with `seedSavedCards`): the Payment
   * Element lists them, "Remove" detaches them, and a checked save box saves the new card there.
   * Without it every customer has no saved cards.
   */
  emulator?: Pick<StripeEmulator, 'handle'>;
  /**
   * Stripe's clock in ms, for `expires_at` at confirmation and for Stripe's rules. Defaults to the
   * clock of the emulator that issued the secret, else `Date.now`.
   */
  now?: () => number;
  /** Where the secrets it renders are recorded and checked; defaults to the page's, shared with the web-component stand-ins. */
  ledger?: StripeSecretLedger;
}

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
 *
 * It holds the page to Stripe's rules for the secret (see `StripeRule`), in the ledger it shares with
 * the web-component stand-ins: each Elements group is one element, rendering a secret when its first
 * element mounts and when `elements.update()` brings a new one; each confirmation is a use. A broken
 * rule is reported on the console, in `violations` and as a warning inside the Payment Element.
 */
export function createStripeStandIn(options: StripeStandInOptions = {}): StripeStandIn {
  const sessions = new Map<string, CustomerSession>();
  const resolve = (secret: string) => sessions.get(secret) ?? options.resolveSession?.(secret) ?? findSecretOrigin(secret)?.session;
  const clockFor = (secret: string | undefined) => options.now ?? (secret ? findSecretOrigin(secret)?.now : undefined) ?? Date.now;
  const client = options.emulator ? createEmulatorStripeClient(options.emulator, { apiKey: 'sk_test_stripe_js_stand_in' }) : null;
  const calls: StripeStandInCalls = { elements: [], update: [], create: [], confirm: [] };
  const groups = new WeakMap<object, StandInGroup>();
  const violations: StripeRuleViolation[] = [];
  let latest: StripeElementsOptions | null = null;
  let serial = 0;
  const context = {
    calls,
    resolve,
    client,
    ledger: options.ledger ?? pageSecretLedger,
    violations,
    fallback: (secret: string) => ({ session: resolve(secret), now: options.now }),
    serial: () => (serial += 1),
  };

  const elements = (createOptions?: StripeElementsOptions) => {
    calls.elements.push(createOptions && { ...createOptions });
    const { group, state } = createElementsGroupStandIn(createOptions, context);
    latest = state.options();
    groups.set(group, state);
    return group;
  };
  const confirm = (method: StandInConfirmCall['method']) => (params: { elements?: object }) => {
    const group = params?.elements ? groups.get(params.elements) : undefined;
    group?.used(method);
    const now = clockFor(group?.options().customerSessionClientSecret);
    return confirmWithStandIn(method, params, { groups, resolve, client, calls: calls.confirm, now });
  };

  const standIn = {
    calls,
    violations,
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
    confirmPayment: confirm('confirmPayment'),
    confirmSetup: confirm('confirmSetup'),
    retrievePaymentIntent: notAvailable,
    retrieveSetupIntent: notAvailable,
  };
  return standIn as unknown as StripeStandIn;
}
