'use client';
import { warnedKeys } from './warnedKeys';

/** `console.warn` once per key per page. Callers guard with `process.env.NODE_ENV !== 'production'`. */
export function warnOnce(key: string, message: string): void {
  if (warnedKeys.has(key)) return;
  warnedKeys.add(key);
  console.warn(`[react-stripe-customer-session] ${message}`);
}
