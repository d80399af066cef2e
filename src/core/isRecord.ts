/** True for a non-null, non-array object (what a decoded form or JSON object is). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
