'use client';
import type { ComponentName } from '../core/componentNames';
import { customerSessionQueryKeyPrefix } from './customerSessionQueryKeyPrefix';
import type { CustomerSessionEndpoint } from './types';

export type CustomerSessionQueryKey = readonly [
  typeof customerSessionQueryKeyPrefix,
  { url: string } | { fn: number },
  readonly ComponentName[],
];

// Function endpoints are keyed by identity: the same function shares one session.
const functionIds = new WeakMap<object, number>();
let nextFunctionId = 1;

/** The query key of one session: endpoint plus sorted, de-duplicated components. Never `requestInit`. */
export function customerSessionQueryKey(endpoint: CustomerSessionEndpoint, components: readonly ComponentName[]): CustomerSessionQueryKey {
  let id: { url: string } | { fn: number };
  if (typeof endpoint === 'string') {
    id = { url: endpoint };
  } else {
    let fn = functionIds.get(endpoint);
    if (fn === undefined) {
      fn = nextFunctionId++;
      functionIds.set(endpoint, fn);
    }
    id = { fn };
  }
  return [customerSessionQueryKeyPrefix, id, [...new Set(components)].sort()];
}
