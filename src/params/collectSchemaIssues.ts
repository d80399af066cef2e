import type { ParamSchema } from './ParamSchema';
import type { ParamIssue } from '../core/types';
import { isRecord } from '../core/isRecord';
import { paramIssues } from './paramIssues';
import { paramPath } from './paramPath';

/**
 * Appends every problem of `value` against `schema` to `issues`: per object, unknown keys first,
 * then missing required keys, then each known key in schema order. `undefined` means "not sent".
 */
export function collectSchemaIssues(value: unknown, schema: ParamSchema, path: string, issues: ParamIssue[]): void {
  if (value === undefined) return;
  if (value === '' || value === null) {
    issues.push(paramIssues.empty(path));
    return;
  }
  switch (schema.type) {
    case 'boolean':
      if (typeof value !== 'boolean') issues.push(paramIssues.boolean(path, value));
      return;
    case 'string':
      if (typeof value !== 'string') issues.push(paramIssues.string(path, value));
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) issues.push(paramIssues.integer(path, value));
      else if (value < schema.min) issues.push(paramIssues.tooSmall(path, schema.min));
      else if (value > schema.max) issues.push(paramIssues.tooLarge(path, schema.max));
      return;
    case 'enum':
      if (typeof value !== 'string' || !schema.values.includes(value)) {
        issues.push(paramIssues.enumValue(path, schema.values));
      }
      return;
    case 'array':
      if (!Array.isArray(value)) issues.push(paramIssues.array(path));
      else value.forEach((item, index) => collectSchemaIssues(item, schema.items, paramPath(path, index), issues));
      return;
    case 'object': {
      if (!isRecord(value)) {
        issues.push(paramIssues.object(path));
        return;
      }
      for (const key of Object.keys(value)) {
        if (!Object.hasOwn(schema.fields, key)) issues.push(paramIssues.unknown(paramPath(path, key)));
      }
      for (const key of schema.required ?? []) {
        if (value[key] === undefined) issues.push(paramIssues.missing(paramPath(path, key)));
      }
      for (const [key, child] of Object.entries(schema.fields)) {
        collectSchemaIssues(value[key], child, paramPath(path, key), issues);
      }
    }
  }
}
