import fc from 'fast-check';
import fixture from '../emulator/fixtures/customer-session-object.fixture.json';
import { decodeStripeForm, encodeStripeForm } from '../../src/params/form';
import { validateCustomerSessionParams } from '../../src/params/validate';
import { createStripeEmulator } from '../../src/testing/emulator/createStripeEmulator';
import { citedRefusals, isExpandable, requestSchema, schemaFaults, validateCustomerSession } from './referenceSchema';
import { createRequests } from './requestArbitrary';

// The proof that the wire model follows Stripe's schemas (test/emulator/fixtures/stripe-openapi-customer-sessions.json,
// compiled by ajv): a schema-valid request is refused only by a cited rule, a schema-invalid one always,
// naming the param ajv names; every session the emulator answers is a valid `customer_session`.

const sorted = (params: Iterable<string>) => [...params].sort();

describe('the oracle itself', () => {
  it('accepts Stripe\'s fixture as a customer_session and refuses a null customer (the schema does not allow it)', () => {
    expect(validateCustomerSession(fixture)).toBe(true);
    expect(validateCustomerSession({ ...fixture, customer: null })).toBe(false);
    expect(validateCustomerSession({ ...fixture, components: undefined })).toBe(true);
  });

  it('names the offending params the way Stripe does, unknown nested keys included', () => {
    const request = { components: { buy_button: { enabled: 'yes' }, customer_portal: {}, extra: {} }, expand: ['customer', 7] };
    expect(sorted(schemaFaults(request))).toEqual(['components[buy_button][enabled]', 'components[customer_portal][enabled]', 'components[extra]', 'expand[1]']);
    expect(schemaFaults({ components: { active_entitlements: { enabled: true } } }).size).toBe(0);
    expect(Object.keys((requestSchema.properties as Record<string, unknown>) ?? {})).toEqual(['components', 'customer', 'customer_account', 'expand']);
  });

  it('reads x-expandableFields: customer and components, the listed components, their features, anything below customer', () => {
    expect(['customer', 'components', 'customer.default_source', 'components.payment_element.features'].filter(isExpandable)).toHaveLength(4);
    expect(['livemode', 'components.customer_portal', 'components.buy_button.enabled', 'components.payment_element.features.x'].some(isExpandable)).toBe(false);
  });
});

describe('validateCustomerSessionParams against the request schema', () => {
  it('names an own `__proto__` key (JSON.parse makes one) as an unknown param, like ajv', () => {
    for (const [body, param] of [
      ['{"components":{"payment_element":{"enabled":true,"features":{"__proto__":["x"]}}}}', 'components[payment_element][features][__proto__]'],
      ['{"components":{"pricing_table":{"enabled":true,"__proto__":{"a":"b"}}}}', 'components[pricing_table][__proto__]'],
      ['{"__proto__":"x","components":{"pricing_table":{"enabled":true}}}', '__proto__'],
    ] as const) {
      const request = JSON.parse(body) as Record<string, unknown>;
      expect([...schemaFaults(request)]).toEqual([param]);
      expect(validateCustomerSessionParams(request).map((issue) => issue.param)).toEqual([param]);
    }
  });

  it('refuses a schema-valid request only by a cited rule, and a schema-invalid one naming every param ajv names', () => {
    const seen = { accepted: 0, cited: 0, invalid: 0 };
    fc.assert(
      fc.property(createRequests({ customer: 'cus_Wire', customerAccount: 'acct_1Wire' }), (request) => {
        const faults = schemaFaults(request);
        const cited = citedRefusals(request);
        const issues = validateCustomerSessionParams(request);
        const params = new Set(issues.map((issue) => issue.param));
        for (const issue of issues) expect(issue.message).toEqual(expect.any(String));
        if (faults.size === 0) {
          expect(sorted(params)).toEqual(sorted(cited));
          seen[cited.size === 0 ? 'accepted' : 'cited'] += 1;
        } else {
          for (const param of faults) expect(params, `${param} in ${JSON.stringify(request)}`).toContain(param);
          for (const param of params) expect([...faults, ...cited]).toContain(param);
          seen.invalid += 1;
        }
      }),
      { numRuns: 1000 },
    );
    // Each side of the property was exercised.
    expect(seen.accepted).toBeGreaterThan(100);
    expect(seen.cited).toBeGreaterThan(100);
    expect(seen.invalid).toBeGreaterThan(100);
  }, 60_000);
});

/** What the form encoding can carry: scalars become text, null the empty string; empty objects and arrays vanish. */
function formShape(value: unknown): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(formShape);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, formShape(v)]));
  return String(value);
}

/** The request as the form encoding carries it: empty objects and arrays send nothing, so they are dropped. */
function withoutEmpties<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutEmpties) as T;
  if (typeof value !== 'object' || value === null) return value;
  const kept = Object.entries(value).map(([key, child]) => [key, withoutEmpties(child)] as const);
  return Object.fromEntries(kept.filter(([, child]) => typeof child !== 'object' || child === null || Object.keys(child).length > 0)) as T;
}

describe('the emulator against the reference schemas', () => {
  const emulator = createStripeEmulator();
  const customer = emulator.createCustomer({ email: 'wire@example.com' }).id;
  const hints = { customer, customerAccount: 'acct_1WireAccount' };

  async function create(body: string) {
    const response = await emulator.handle(
      new Request('https://api.stripe.com/v1/customer_sessions', {
        method: 'POST',
        headers: { Authorization: 'Bearer sk_test_51WireSuite', 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      }),
    );
    return { status: response.status, json: (await response.json()) as Record<string, unknown> & { error?: { param?: string; code?: string } } };
  }

  it('answers every form-encoded request with a valid customer_session or a 400 naming a param the schema or a cited rule refuses', async () => {
    const seen = { sessions: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(createRequests(hints).map(withoutEmpties), async (request) => {
        const wire = formShape(request) as Record<string, unknown>;
        expect(decodeStripeForm(encodeStripeForm(request))).toEqual(wire);
        // "The ID of an existing customer / Account": the emulator's customers, and acct_ ids.
        const missing = new Set<string>();
        if (wire.customer !== undefined && wire.customer !== customer) missing.add('customer');
        if (typeof wire.customer_account === 'string' && !/^acct_[A-Za-z0-9]+$/.test(wire.customer_account)) missing.add('customer_account');
        if (wire.customer_account !== undefined && typeof wire.customer_account !== 'string') missing.add('customer_account');
        const refusable = new Set([...schemaFaults(request), ...citedRefusals(request), ...missing]);

        const { status, json } = await create(encodeStripeForm(request));
        if (refusable.size === 0) {
          expect(status, JSON.stringify(json)).toBe(200);
          expect(validateCustomerSession(json), JSON.stringify(validateCustomerSession.errors)).toBe(true);
          const expanded = ((request.expand ?? []) as string[]).some((path) => path.split('.')[0] === 'customer');
          expect(typeof json.customer === 'object' ? (json.customer as { id: string }).id : json.customer).toEqual(
            request.customer ?? expect.stringMatching(/^cus_/),
          );
          expect(typeof json.customer).toBe(expanded ? 'object' : 'string');
          expect(json.components).toBeDefined();
          seen.sessions += 1;
        } else {
          expect(status).toBe(400);
          expect([...refusable]).toContain(json.error?.param);
          seen.refused += 1;
        }
      }),
      { numRuns: 300 },
    );
    expect(seen.sessions).toBeGreaterThan(25);
    expect(seen.refused).toBeGreaterThan(25);
  }, 60_000);
});
