import type { ObjectParamSchema } from '../../../params/ParamSchema';
import type { ParamIssue, StripeErrorObject } from '../../../core/types';
import { coerceFormParams } from '../../../params/coerceFormParams';
import { collectSchemaIssues } from '../../../params/collectSchemaIssues';
import { isRecord } from '../../../core/isRecord';
import { paramIssueErrorBody } from '../../../params/paramIssueErrorBody';
import { stripeErrorBody } from '../../../params/stripeErrorBody';
import { buildPaymentMethod, cardBrand, testCardTokens } from '../buildPaymentMethod';
import type { EmulatorState, RouteResult } from '../state';
import type { EmulatorList, EmulatorPaymentMethod, EmulatorSavedCard } from '../types';

const allowRedisplay = { type: 'enum', values: ['always', 'limited', 'unspecified'] } as const;
const expand = { type: 'array', items: { type: 'string' } } as const;

// Only what card PaymentMethods need; any other param is unknown here (other types are not emulated).
// Integer minimums are checked by hand below, so these schemas state maximums only (hence the casts).
const createSchema = {
  type: 'object',
  fields: {
    type: { type: 'enum', values: ['card'] },
    card: {
      type: 'object',
      fields: {
        number: { type: 'string' },
        exp_month: { type: 'integer', max: 12 },
        exp_year: { type: 'integer', max: 9999 },
        cvc: { type: 'string' },
        token: { type: 'string' },
      },
    },
    allow_redisplay: allowRedisplay,
    billing_details: { type: 'object', fields: { name: { type: 'string' }, email: { type: 'string' }, phone: { type: 'string' } } },
    expand,
  },
  required: ['type'],
} as unknown as ObjectParamSchema;
const attachSchema: ObjectParamSchema = { type: 'object', fields: { customer: { type: 'string' }, expand }, required: ['customer'] };
const detachSchema: ObjectParamSchema = { type: 'object', fields: { expand } };
const listSchema = {
  type: 'object',
  fields: {
    type: { type: 'string' },
    allow_redisplay: allowRedisplay,
    limit: { type: 'integer', max: 100 },
    starting_after: { type: 'string' },
    ending_before: { type: 'string' },
    expand,
  },
} as unknown as ObjectParamSchema;

const fail = (status: number, error: StripeErrorObject): RouteResult => ({ status, body: stripeErrorBody(error) });
const missing = (status: number, param: string, message: string) => fail(status, { type: 'invalid_request_error', code: 'resource_missing', param, message });
const cardError = (code: string, param: string, message: string) => fail(402, { type: 'card_error', code, param, message });

/** Coerces the form strings by `schema` and answers the first problem, Stripe-style; `null` when valid. */
function check(params: Record<string, unknown>, schema: ObjectParamSchema): { valid: Record<string, unknown> } | RouteResult {
  const coerced = coerceFormParams(params, schema) as Record<string, unknown>;
  const issues: ParamIssue[] = [];
  collectSchemaIssues(coerced, schema, '', issues);
  return issues[0] ? { status: 400, body: paramIssueErrorBody(issues[0]) } : { valid: coerced };
}

/** `POST /v1/payment_methods` (type `card`): from a test token (`card[token]=tok_visa`) or a card number. */
export function createPaymentMethodRoute(state: EmulatorState, params: Record<string, unknown>): RouteResult {
  const checked = check(params, createSchema);
  if (!('valid' in checked)) return checked;
  const { card, allow_redisplay, billing_details } = checked.valid as {
    card?: { number?: string; exp_month?: number; exp_year?: number; token?: string };
    allow_redisplay?: EmulatorSavedCard['allow_redisplay'];
    billing_details?: { name?: string };
  };
  if (!isRecord(card)) return fail(400, { type: 'invalid_request_error', code: 'parameter_missing', param: 'card', message: 'Missing required param: card.' });
  const fields = { allow_redisplay, name: billing_details?.name };
  const created = Math.floor(state.clock.now() / 1000);
  if (card.token !== undefined) {
    const known = testCardTokens[card.token];
    if (!known) return missing(400, 'card[token]', `No such token: '${card.token}'`);
    const year = new Date(state.clock.now()).getUTCFullYear() + 3;
    return store(state, buildPaymentMethod({ ...known, exp_month: 12, exp_year: year, ...fields }, created));
  }
  const number = (card.number ?? '').replace(/\s+/g, '');
  if (card.number === undefined) return fail(400, { type: 'invalid_request_error', code: 'parameter_missing', param: 'card[number]', message: 'Missing required param: card[number].' });
  if (!/^\d{12,19}$/.test(number)) return cardError('invalid_number', 'number', 'The card number is not a valid credit card number.');
  if (card.exp_month === undefined || card.exp_month < 1) return cardError('invalid_expiry_month', 'exp_month', "Your card's expiration month is invalid.");
  const now = new Date(state.clock.now());
  const year = card.exp_year !== undefined && card.exp_year < 100 ? 2000 + card.exp_year : card.exp_year;
  if (year === undefined || year < now.getUTCFullYear() || year > now.getUTCFullYear() + 50) {
    return cardError('invalid_expiry_year', 'exp_year', "Your card's expiration year is invalid.");
  }
  const brand = cardBrand(number);
  return store(state, buildPaymentMethod({ brand, last4: number.slice(-4), exp_month: card.exp_month, exp_year: year, ...fields }, created));
}

function store(state: EmulatorState, paymentMethod: EmulatorPaymentMethod): RouteResult {
  state.paymentMethods.set(paymentMethod.id, paymentMethod);
  return { status: 200, body: paymentMethod };
}

function findPaymentMethod(state: EmulatorState, id: string): EmulatorPaymentMethod | RouteResult {
  return state.paymentMethods.get(id) ?? missing(404, 'payment_method', `No such PaymentMethod: '${id}'`);
}

/** `POST /v1/payment_methods/:id/attach`: to a customer this emulator knows; once attached, only to that one. */
export function attachPaymentMethodRoute(state: EmulatorState, params: Record<string, unknown>, id: string): RouteResult {
  const checked = check(params, attachSchema);
  if (!('valid' in checked)) return checked;
  const customer = checked.valid.customer as string;
  const paymentMethod = findPaymentMethod(state, id);
  if (!('object' in paymentMethod)) return paymentMethod;
  if (!state.customers.has(customer)) return missing(400, 'customer', `No such customer: '${customer}'`);
  if (paymentMethod.customer !== null && paymentMethod.customer !== customer) {
    return fail(400, { type: 'invalid_request_error', message: 'The payment method you provided has already been attached to a customer.' });
  }
  paymentMethod.customer = customer;
  return { status: 200, body: paymentMethod };
}

/** `POST /v1/payment_methods/:id/detach`: what the Payment Element's "Remove" does. */
export function detachPaymentMethodRoute(state: EmulatorState, params: Record<string, unknown>, id: string): RouteResult {
  const checked = check(params, detachSchema);
  if (!('valid' in checked)) return checked;
  const paymentMethod = findPaymentMethod(state, id);
  if (!('object' in paymentMethod)) return paymentMethod;
  if (paymentMethod.customer === null) {
    return fail(400, { type: 'invalid_request_error', message: 'The payment method you provided is not attached to a customer so detachment is impossible.' });
  }
  paymentMethod.customer = null;
  return { status: 200, body: paymentMethod };
}

/**
 * `GET /v1/customers/:id/payment_methods`: the customer's methods newest first in Stripe's list
 * envelope, filtered by `type` and `allow_redisplay`, paged by `limit` (default 10),
 * `starting_after` and `ending_before`.
 */
export function listCustomerPaymentMethodsRoute(state: EmulatorState, params: Record<string, unknown>, customer: string): RouteResult {
  const checked = check(params, listSchema);
  if (!('valid' in checked)) return checked;
  const query = checked.valid as { type?: string; allow_redisplay?: string; limit?: number; starting_after?: string; ending_before?: string };
  if (query.limit !== undefined && query.limit < 1) return fail(400, { type: 'invalid_request_error', code: 'parameter_invalid_integer', param: 'limit', message: 'This value must be greater than or equal to 1.' });
  if (!state.customers.has(customer)) return missing(404, 'customer', `No such customer: '${customer}'`);
  const all = [...state.paymentMethods.values()]
    .filter((method) => method.customer === customer)
    .filter((method) => query.type === undefined || method.type === query.type)
    .filter((method) => query.allow_redisplay === undefined || method.allow_redisplay === query.allow_redisplay)
    .reverse();
  const limit = query.limit ?? 10;
  let page: EmulatorPaymentMethod[];
  let hasMore: boolean;
  if (query.ending_before !== undefined) {
    const end = all.findIndex((method) => method.id === query.ending_before);
    if (end === -1) return missing(400, 'ending_before', `No such PaymentMethod: '${query.ending_before}'`);
    page = all.slice(Math.max(0, end - limit), end);
    hasMore = end - limit > 0;
  } else {
    const start = query.starting_after === undefined ? 0 : all.findIndex((method) => method.id === query.starting_after) + 1;
    if (start === 0 && query.starting_after !== undefined) return missing(400, 'starting_after', `No such PaymentMethod: '${query.starting_after}'`);
    page = all.slice(start, start + limit);
    hasMore = start + limit < all.length;
  }
  const body: EmulatorList<EmulatorPaymentMethod> = { object: 'list', data: page, has_more: hasMore, url: `/v1/customers/${customer}/payment_methods` };
  return { status: 200, body };
}
