import { validateCustomerSessionParams } from '../../src/params/validate';

export const pe = 'components[payment_element]';
export const peFeatures = `${pe}[features]`;

/** Valid params with one component enabled, to which each case adds its problem. */
export function withComponents(components: Record<string, unknown>): Record<string, unknown> {
  return { customer: 'cus_123', components: { pricing_table: { enabled: true }, ...components } };
}

/** Each issue as [param, code], in order. */
export function pairs(params: unknown): Array<[string, string]> {
  return validateCustomerSessionParams(params).map((issue) => [issue.param, issue.code]);
}
