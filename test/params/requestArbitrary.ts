// Create requests generated from the reference's `request` schema (closed, plus stripe 23's two
// components): mostly valid at each node, now and then a wrong value, a missing required key or an
// unlisted one. ajv, not this generator, decides which requests are schema-valid.
import fc from 'fast-check';
import { requestSchema } from './referenceSchema';

type Schema = Record<string, unknown>;

export interface RequestHints {
  /** IDs to prefer for `customer` and `customer_account` (one that exists, mostly). */
  customer: string;
  customerAccount: string;
}

// Never the form spellings of valid values ("true", "3"): the validator reads decoded forms by
// design, so those are the codec's business (test/params/stripeForm.test.ts), not the schema's.
const notFormSpelling = (text: string) => !/^(true|false|-?\d+)$/.test(text);
const wrong: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.string({ maxLength: 6 }).filter(notFormSpelling),
  fc.integer({ min: -50, max: 50 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 3 }).filter(notFormSpelling), { minLength: 1, maxLength: 2 }),
  fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), fc.string({ maxLength: 3 }), { minKeys: 1, maxKeys: 2 }),
);
/**
 * Adds `key` as an own property even when it is `__proto__`, as JSON.parse and the form decoder
 * make it: plain assignment would set the prototype instead (a value no request can carry).
 */
export const setOwn = (target: object, key: string, value: unknown) => Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
const rarely = <T>(arbitrary: fc.Arbitrary<T>, oneIn: number) =>
  fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

// Lengths around the schema's maxLength, now and then.
const longText = fc.integer({ min: 4998, max: 5002 }).map((length) => 'x'.repeat(length));
const expandPaths = fc.constantFrom('customer', 'components', 'customer.default_source', 'components.payment_element.features', 'components.buy_button.enabled', 'livemode', 'customer_portal', 'components.customer_portal');

function validFor(schema: Schema, key: string, hints: RequestHints): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as string[]));
  switch (schema.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.oneof(fc.integer({ min: -2, max: 13 }), fc.integer());
    case 'string': {
      const preferred = key === 'customer' ? hints.customer : key === 'customer_account' ? hints.customerAccount : undefined;
      const text = fc.oneof({ weight: 8, arbitrary: key === 'expand' ? expandPaths : fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: longText });
      return preferred === undefined ? text : fc.oneof({ weight: 6, arbitrary: fc.constant(preferred) }, { weight: 1, arbitrary: text });
    }
    case 'array':
      return fc.array(nearValid(schema.items as Schema, key, hints), { maxLength: 4 });
    case 'object': {
      const properties = schema.properties as Record<string, Schema>;
      const required = (schema.required ?? []) as string[];
      const fields = Object.fromEntries(Object.entries(properties).map(([name, child]) => [name, nearValid(child, name, hints)]));
      return fc
        .tuple(fc.record(fields, { requiredKeys: required }), rarely(fc.constant(true), 40), rarely(fc.tuple(fc.stringMatching(/^[a-z_]{1,12}$/), wrong), 60))
        .map(([record, dropRequired, extra]) => {
          const result: Record<string, unknown> = { ...record };
          if (dropRequired) for (const name of required) delete result[name];
          if (extra && !Object.hasOwn(properties, extra[0])) setOwn(result, extra[0], extra[1]);
          return result;
        });
    }
    default:
      throw new Error(`no generator for ${JSON.stringify(schema)}`);
  }
}

function nearValid(schema: Schema, key: string, hints: RequestHints): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 120, arbitrary: validFor(schema, key, hints) }, { weight: 1, arbitrary: wrong });
}

/** Near-valid create requests (always objects at the top; `components` there 19 times in 20). */
export function createRequests(hints: RequestHints): fc.Arbitrary<Record<string, unknown>> {
  return validFor(requestSchema, '', hints) as fc.Arbitrary<Record<string, unknown>>;
}
