'use client';
import { useEffect, useRef } from 'react';
import type { CustomerSessionError } from '../core/CustomerSessionError';

/** Calls `onError` once for each new error object. */
export function useReportError(error: CustomerSessionError | null, onError: ((error: CustomerSessionError) => void) | undefined): void {
  const latest = useRef(onError);
  useEffect(() => {
    latest.current = onError;
  });
  useEffect(() => {
    if (error) latest.current?.(error);
  }, [error]);
}
