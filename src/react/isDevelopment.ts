'use client';
/** `process.env.NODE_ENV !== 'production'`, tolerant of environments without `process` (bundlers replace the expression). */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
}
