/**
 * A node of the create-params schema. One table of these (customerSessionParamsSchema) drives
 * validation, form coercion and the per-component feature lists, so the rules live in one place.
 */
export type ParamSchema =
  | { type: 'boolean' }
  | { type: 'string' }
  | { type: 'integer'; min: number; max: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'array'; items: ParamSchema }
  | ObjectParamSchema;

export interface ObjectParamSchema {
  type: 'object';
  /** Known keys, in the order problems are reported. Any other key is `parameter_unknown`. */
  fields: Readonly<Record<string, ParamSchema>>;
  required?: readonly string[];
}
