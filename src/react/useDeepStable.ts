'use client';
import { useState } from 'react';
import { isDeepEqual } from './isDeepEqual';

/** The previous value while `value` stays structurally equal, so inline option objects don't churn. */
export function useDeepStable<T>(value: T): T {
  const [stable, setStable] = useState(value);
  if (!isDeepEqual(stable, value)) {
    setStable(value);
    return value;
  }
  return stable;
}
