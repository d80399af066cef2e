import qs from 'qs';
import { isRecord } from '../core/isRecord';
import { customerSessionParamsSchema, type ParamSchema } from './schema';

/**
 * Encodes params as Stripe's form body: nested keys in brackets, arrays with indices
 * (`components[payment_element][features][payment_method_allow_redisplay_filters][0]=always`),
 * booleans and numbers as text. Brackets stay literal, as the official SDKs send them.
 * `undefined` members are left out; `null` becomes an empty value (Stripe's "unset").
 */
export function encodeStripeForm(params: object): string {
  return qs
    .stringify(params, { arrayFormat: 'indices' })
    .replace(/%5B/gi, '[')
    .replace(/%5D/gi, ']');
}

/** A plain object; `defineProperty`, so even a `__proto__` key stays an own key (to be refused), never a prototype. */
function plainObject(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  return result;
}

// qs drops a `__proto__` segment silently; Stripe would refuse it as an unknown param. So it is
// renamed on the way into qs and back on the way out, as an own key (`plainObject`).
const protoSegment = /(^|\[)__proto__(?=\[|\]|$)/g;
const protoStandIn = '\u0000__proto__';

function toPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlain);
  if (!isRecord(value)) return value;
  return plainObject(Object.entries(value).map(([key, child]) => [key === protoStandIn ? '__proto__' : key, toPlain(child)] as const));
}

/**
 * Decodes a Stripe form body into nested objects and arrays of strings (the inverse of
 * `encodeStripeForm`). Values stay strings; `coerceFormParams` types them by the schema.
 * A param named like an `Object.prototype` member (`constructor`, `__proto__`) is kept as data
 * (an own key, never a prototype), to be refused as unknown as Stripe would, not silently dropped.
 */
export function decodeStripeForm(body: string): Record<string, unknown> {
  const parsed = qs.parse(body, {
    depth: 10,
    arrayLimit: 100,
    // qs drops every param past its limit (1000 by default) without a word; Stripe reads them all.
    parameterLimit: Number.POSITIVE_INFINITY,
    plainObjects: true,
    allowPrototypes: true,
    decoder: (text, decode, charset, type) => {
      const decoded: unknown = decode(text, decode, charset);
      return type === 'key' && typeof decoded === 'string' ? decoded.replace(protoSegment, `$1${protoStandIn}`) : decoded;
    },
  });
  return toPlain(parsed) as Record<string, unknown>;
}

/**
 * Turns a decoded form body (every leaf a string) into typed values, only where the schema says so:
 * `"true"`/`"false"` at boolean params, integer strings at integer params, and integer-keyed maps at
 * array params (Stripe's form encoding of arrays). Everything else is left as is for the validator to
 * judge, so JavaScript values pass through unchanged and coercing twice changes nothing.
 */
export function coerceFormParams(value: unknown, schema: ParamSchema = customerSessionParamsSchema): unknown {
  switch (schema.type) {
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'integer': {
      // Digits that make a safe integer; anything else stays text for the validator to refuse as written.
      const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
      return Number.isSafeInteger(number) ? number : value;
    }
    case 'array': {
      const list = isRecord(value) && Object.keys(value).every((key) => /^\d+$/.test(key))
        ? Object.keys(value).sort((a, b) => Number(a) - Number(b)).map((key) => value[key])
        : value;
      return Array.isArray(list) ? list.map((item) => coerceFormParams(item, schema.items)) : list;
    }
    case 'object': {
      if (!isRecord(value)) return value;
      return plainObject(
        Object.entries(value).map(([key, child]) => {
          const childSchema = Object.hasOwn(schema.fields, key) ? schema.fields[key] : undefined;
          return [key, childSchema ? coerceFormParams(child, childSchema) : child] as const;
        }),
      );
    }
    default:
      return value;
  }
}
