// The oracle for the wire-model proofs: Stripe's own schemas from the reference file, compiled by ajv.
// Nothing here reads src/params: the schemas come from the reference, the SDK additions are written
// out below, and the cited prose rules are re-derived from the request itself.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import reference from '../emulator/fixtures/stripe-openapi-customer-sessions.json';

type Schema = Record<string, unknown>;
const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** OpenAPI 3.0 to JSON Schema: every `nullable: true` node becomes "this, or null". */
function nullableAsNull(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableAsNull);
  if (!isObject(node)) return node;
  const { nullable, ...rest } = node;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, nullableAsNull(value)]));
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

/** Stripe refuses a param its schema does not list, though the spec states that only at the top. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (!isObject(node)) return node;
  const converted = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, closeObjects(value)]));
  if (converted.type === 'object' && converted.additionalProperties === undefined) converted.additionalProperties = false;
  return converted;
}

// The two components stripe 23's types add to the request (CustomerSessionCreateParams.Components).
const sdkComponent = { type: 'object', properties: { enabled: { type: 'boolean' } }, required: ['enabled'] };

/** The create request as the wire takes it: the reference's `request`, closed, plus stripe 23's two components. */
export const requestSchema = ((): Schema => {
  const request = structuredClone(reference.request) as Schema;
  const components = (request.properties as Record<string, Schema>).components as Schema;
  Object.assign(components.properties as Schema, { active_entitlements: sdkComponent, customer_portal: sdkComponent });
  return closeObjects(request) as Schema;
})();

const ajv = new Ajv({ strict: false, allErrors: true });
// `unix-time` is Stripe's format for integer seconds since the epoch.
ajv.addFormat('unix-time', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= 0 });
// The reference leaves the Customer's schema out (`$ref-omitted`), which would admit anything as an
// expanded `customer`; it stands here for the least a Customer is: an object with `object` and `id`.
const customerSchema = { type: 'object', required: ['id', 'object'], properties: { id: { type: 'string', maxLength: 5000 }, object: { enum: ['customer'] } } };
ajv.addSchema({ components: { schemas: { ...(nullableAsNull(reference.schemas) as Schema), customer: customerSchema } } }, 'reference');

export const validateRequest: ValidateFunction = ajv.compile(requestSchema);
export const validateCustomerSession = ajv.getSchema('reference#/components/schemas/customer_session') as ValidateFunction;

/** Stripe's bracketed param for one ajv error (`/components/buy_button` + `enabled` → `components[buy_button][enabled]`). */
export function stripeParam(error: ErrorObject): string {
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as { additionalProperty?: string; missingProperty?: string };
  if (error.keyword === 'additionalProperties' && params.additionalProperty !== undefined) segments.push(params.additionalProperty);
  if (error.keyword === 'required' && params.missingProperty !== undefined) segments.push(params.missingProperty);
  const [head = '', ...rest] = segments;
  return head + rest.map((segment) => `[${segment}]`).join('');
}

/** The params ajv finds at fault in a request; empty when the request is schema-valid. */
export function schemaFaults(request: unknown): Set<string> {
  return validateRequest(request) ? new Set() : new Set((validateRequest.errors ?? []).map(stripeParam));
}

const schemas = reference.schemas as Record<string, Schema>;
const resolve = (node: Schema): Schema => {
  const alternatives = Array.isArray(node.anyOf) ? (node.anyOf as Schema[]) : [];
  const ref = node.$ref ?? alternatives.find((alternative) => typeof alternative.$ref === 'string')?.$ref;
  return typeof ref === 'string' ? (schemas[ref.split('/').pop() as string] as Schema) : node;
};

/** Whether `expand` may name `path`, walking `x-expandableFields` from `customer_session`. */
export function isExpandable(path: string): boolean {
  let node = schemas.customer_session as Schema;
  for (const segment of path.split('.')) {
    if (node['$ref-omitted'] === true) return true; // the Customer's schema is left out of the reference
    const expandable = (node['x-expandableFields'] ?? []) as string[];
    if (!expandable.includes(segment)) return false;
    node = resolve((node.properties as Record<string, Schema>)[segment] as Schema);
  }
  return true;
}

const pe = 'components[payment_element][features]';

/**
 * The params a cited rule refuses in this request, re-derived from the request: at least one
 * component enabled and the redisplay limit of 10 ([prose], and the schema's description of
 * `components`), `payment_method_save_usage` required when saving is enabled ([prose]), and `expand`
 * naming only expandable fields (the object's `x-expandableFields`).
 */
export function citedRefusals(request: Schema): Set<string> {
  const refused = new Set<string>();
  const components = request.components;
  if (isObject(components)) {
    const listed = Object.keys(((requestSchema.properties as Schema).components as Schema).properties as Schema);
    if (!listed.some((name) => isObject(components[name]) && (components[name] as Schema).enabled === true)) refused.add('components');
    const element = components.payment_element;
    const features = isObject(element) ? element.features : undefined;
    if (isObject(features)) {
      const limit = features.payment_method_redisplay_limit;
      if (typeof limit === 'number' && Number.isInteger(limit) && limit > 10) refused.add(`${pe}[payment_method_redisplay_limit]`);
      if (features.payment_method_save === 'enabled' && features.payment_method_save_usage === undefined) refused.add(`${pe}[payment_method_save_usage]`);
    }
  }
  if (Array.isArray(request.expand)) {
    request.expand.forEach((path: unknown, index) => {
      if (typeof path === 'string' && path.length <= 5000 && !isExpandable(path)) refused.add(`expand[${index}]`);
    });
  }
  return refused;
}
