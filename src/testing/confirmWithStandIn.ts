import type { StripeElementsOptions } from '@stripe/stripe-js';
import type { CustomerSession, StripeErrorObject } from '../core/types';
import type { EmulatorStripeClient } from './createEmulatorStripeClient';
import type { ElementStandInView } from './mountElementStandIn';

/** One `confirmPayment` / `confirmSetup` call on the stand-in. */
export interface StandInConfirmCall {
  method: 'confirmPayment' | 'confirmSetup';
  /** The Stripe error code it resolved with, or `null` when it succeeded. */
  error: string | null;
  /** The saved card used, or the card saved through the checkbox; `null` for an unsaved new card. */
  paymentMethod: string | null;
  /** Whether the customer checked "Save payment details for future purchases". */
  savedForFuture: boolean;
}

/** An Elements group as the stand-in tracks it. */
export interface StandInGroup {
  options(): StripeElementsOptions;
  views: ReadonlySet<ElementStandInView>;
  /** Records a confirmation with the group's secret in the ledger (Stripe's 30 minutes after render). */
  used(method: StandInConfirmCall['method']): void;
}

interface ConfirmContext {
  groups: WeakMap<object, StandInGroup>;
  resolve: (secret: string) => CustomerSession | null | undefined;
  client: EmulatorStripeClient | null;
  calls: StandInConfirmCall[];
  now: () => number;
}

type ConfirmResult = { error: StripeErrorObject } | { paymentIntent: object } | { setupIntent: object };

let serial = 0;

/**
 * Confirms like Stripe.js does, resolving (never rejecting) with `{ error }` or the intent. A session
 * whose `expires_at` has passed gives Stripe's `customer_session_expired`. A checked save box saves the
 * new card to the customer with `allow_redisplay: 'always'`, as Stripe documents for
 * `payment_method_save`.
 */
export async function confirmWithStandIn(method: StandInConfirmCall['method'], params: { elements?: object } | undefined, context: ConfirmContext): Promise<ConfirmResult> {
  const group = params?.elements ? context.groups.get(params.elements) : undefined;
  if (!group) {
    return { error: { type: 'invalid_request_error', message: `The Stripe stand-in's ${method} needs the \`elements\` the Payment Element was created from.` } };
  }
  const secret = group.options().customerSessionClientSecret;
  const session = secret ? context.resolve(secret) : null;
  const selection = [...group.views][0]?.selection();
  const call: StandInConfirmCall = { method, error: null, paymentMethod: selection?.savedPaymentMethod?.id ?? null, savedForFuture: selection?.save ?? false };
  context.calls.push(call);
  if (session && session.expires_at * 1000 <= context.now()) {
    call.error = 'customer_session_expired';
    return { error: { type: 'invalid_request_error', code: 'customer_session_expired', message: 'The customer session has expired. Create a new customer session and try again.' } };
  }
  if (call.paymentMethod === null && call.savedForFuture && context.client && typeof session?.customer === 'string') {
    const digits = selection?.cardNumber.replace(/\s+/g, '') ?? '';
    const year = new Date(context.now()).getUTCFullYear() + 3;
    const card = /^\d{12,19}$/.test(digits) ? { number: digits, exp_month: 12, exp_year: year } : { token: 'tok_visa' };
    const created = await context.client.paymentMethods.create({ type: 'card', card, allow_redisplay: 'always' });
    await context.client.paymentMethods.attach(created.id, { customer: session.customer });
    call.paymentMethod = created.id;
  }
  serial += 1;
  const intent = { status: 'succeeded', payment_method: call.paymentMethod, livemode: false };
  return method === 'confirmPayment'
    ? { paymentIntent: { id: `pi_stand_in_${serial}`, object: 'payment_intent', ...intent } }
    : { setupIntent: { id: `seti_stand_in_${serial}`, object: 'setup_intent', ...intent } };
}
