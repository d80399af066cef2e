import fc from 'fast-check';
import { customerSessionParamsSchema, type ParamSchema } from '../../src/params/schema';
import { decodeStripeForm, encodeStripeForm } from '../../src/params/form';
import { isDeepStrictEqual } from 'node:util';
import { validateCustomerSessionParams } from '../../src/params/validate';
import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { setOwn } from '../params/requestArbitrary';

const emulator = createStripeEmulator();
const customer = emulator.createCustomer({ email: 'fuzz@example.com' }).id;
const runs = { numRuns: 400 };

/** POSTs a form body to the emulator's /v1/customer_sessions; the answer must be a success or a Stripe-shaped 400. */
async function emulate(body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await emulator.handle(
    new Request('https://api.stripe.com/v1/customer_sessions', {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_51FuzzSuite0000', 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    }),
  );
  const json = (await response.json()) as Record<string, unknown>;
  expect([200, 400], `status for ${body}`).toContain(response.status);
  if (response.status === 200) {
    expect(json).toMatchObject({ object: 'customer_session', client_secret: expect.stringMatching(/^cuss_secret_/) });
  } else {
    expect(json.error).toMatchObject({ type: 'invalid_request_error', message: expect.any(String) });
  }
  return { status: response.status, json };
}

// ---- arbitrary values ----
const safeKey = fc.stringMatching(/^[a-z_]{1,10}$/);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
  fc.array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 2 }),
  fc.dictionary(safeKey, fc.string({ maxLength: 4 }), { minKeys: 1, maxKeys: 2 }),
);
// Each leaf is junk about 1 time in 30, so roughly half of the generated requests are entirely valid.
const mostly = <T>(valid: fc.Arbitrary<T>, weight = 30): fc.Arbitrary<unknown> => fc.oneof({ weight, arbitrary: valid }, { weight: 1, arbitrary: junk });
const rarely = <T>(arbitrary: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> => fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

/** Near-valid values for one node of the wire schema: mostly right, sometimes the form-string spelling, sometimes junk. */
function nearValid(schema: ParamSchema): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case 'boolean':
      return mostly(fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('true', 'false') }));
    case 'integer':
      return mostly(fc.oneof(fc.integer({ min: -3, max: (schema.max ?? 10) + 3 }), fc.integer({ min: 0, max: 20 }).map(String)));
    case 'enum':
      return mostly(fc.constantFrom(...schema.values));
    case 'array':
      return mostly(fc.array(nearValid(schema.items), { minLength: 1, maxLength: 4 }));
    case 'string':
      return fc.string();
    case 'object': {
      const fields = Object.fromEntries(Object.entries(schema.fields).map(([key, child]) => [key, nearValid(child)]));
      const known = fc.record(fields, { requiredKeys: [] });
      const withRequired = fc.tuple(known, rarely(fc.constant(true), 20), rarely(fc.tuple(safeKey, junk), 25)).map(([record, dropRequired, extra]) => {
        const result: Record<string, unknown> = { ...record };
        for (const key of schema.required ?? []) if (!dropRequired && result[key] === undefined) result[key] = true;
        if (extra && !Object.hasOwn(schema.fields, extra[0])) setOwn(result, extra[0], extra[1]);
        return result;
      });
      return mostly(withRequired, 40);
    }
  }
}

const componentsSchema = customerSessionParamsSchema.fields.components as ParamSchema;
// Who the session is for: the emulator's customer, a well-formed account, both, nobody, or an empty value.
// (Not null: on the wire it is the empty string, which is a string, while the validator refuses a null.)
const forWhom = fc.constantFrom<Record<string, unknown>>(
  { customer },
  { customer },
  { customer_account: 'acct_1FuzzAccount' },
  { customer, customer_account: 'acct_1FuzzAccount' },
  {},
  { customer: '' },
  { customer: [customer] },
);
const nearValidParams = fc
  .tuple(fc.option(nearValid(componentsSchema), { freq: 20 }), forWhom, rarely(fc.tuple(safeKey, junk), 20))
  .map(([components, who, extra]) => {
    const params: Record<string, unknown> = { ...who };
    if (components !== null) params.components = components;
    if (extra && !Object.hasOwn(customerSessionParamsSchema.fields, extra[0])) setOwn(params, extra[0], extra[1]);
    return params;
  });

/** What the form encoding can carry: scalars become text, null the empty string; empty objects and arrays vanish. */
function formShape(value: unknown): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(formShape);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, formShape(v)]));
  return String(value);
}
/** True when the emulator will see exactly these params, only spelled as text (nothing dropped by the encoding). */
// qs decodes into null-prototype objects: compare plain copies.
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const survivesEncoding = (params: object) => isDeepStrictEqual(plain(decodeStripeForm(encodeStripeForm(params))), plain(formShape(params)));

// Each property is bounded by its numRuns; the 60 s timeouts only leave room for a loaded machine.
describe('fuzz: validateCustomerSessionParams and the emulator', () => {
  it('the validator never throws, whatever it is given, and names a param and a message for every issue', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), nearValidParams), (value) => {
        const issues = validateCustomerSessionParams(value);
        expect(Array.isArray(issues)).toBe(true);
        for (const issue of issues) expect(issue).toMatchObject({ param: expect.any(String), code: expect.any(String), message: expect.any(String) });
        if (typeof value !== 'object' || value === null || Array.isArray(value)) expect(issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('the emulator never fails: arbitrary JSON objects, form-encoded, get a session or a Stripe-shaped 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 }), async (params) => {
        await emulate(encodeStripeForm(params));
      }),
      runs,
    );
  }, 60_000);

  it('the emulator never fails on raw form bodies, bracket soup included', async () => {
    const segment = fc.oneof(fc.constantFrom('components', 'payment_element', 'features', 'enabled', 'customer', '0', '', '__proto__', 'constructor'), fc.string({ maxLength: 6 }));
    const key = fc.array(segment, { minLength: 1, maxLength: 6 }).map(([head, ...rest]) => `${head}${rest.map((s) => `[${s}]`).join('')}`);
    const pair = fc.tuple(key, fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('true', 'false', '3', customer))).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.array(pair, { maxLength: 12 }).map((pairs) => pairs.join('&'))), async (body) => {
        await emulate(body);
      }),
      runs,
    );
  }, 60_000);

  it('agrees with the emulator on near-valid params: accepted ⇒ a session (or no such customer); rejected ⇒ a 400 naming the same first param', async () => {
    let accepted = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(nearValidParams, async (params) => {
        fc.pre(survivesEncoding(params));
        const issues = validateCustomerSessionParams(params);
        const { status, json } = await emulate(encodeStripeForm(params));
        if (issues.length === 0) {
          accepted += 1;
          // Whether the customer or account exists is the emulator's answer, not the validator's.
          if (status === 400) expect(json.error).toMatchObject({ code: 'resource_missing', param: expect.stringMatching(/^customer(_account)?$/) });
          else expect(status).toBe(200);
        } else {
          rejected += 1;
          expect(status).toBe(400);
          expect((json.error as { param?: string }).param).toBe(issues[0]?.param);
        }
      }),
      { numRuns: 600 },
    );
    // Both sides of the property were exercised.
    expect(accepted).toBeGreaterThan(30);
    expect(rejected).toBeGreaterThan(30);
  }, 60_000);
});
