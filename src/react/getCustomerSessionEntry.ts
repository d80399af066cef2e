'use client';
import { hashKey, type QueryClient } from '@tanstack/react-query';
import type { ComponentName } from '../core/componentNames';
import { customerSessionQueryKey } from './customerSessionQueryKey';
import { createCustomerSessionEntry } from './createCustomerSessionEntry';
import type { CustomerSessionEntry } from './CustomerSessionEntry';
import { isCustomerSessionQuery } from './isCustomerSessionQuery';
import type { CustomerSessionEndpoint } from './types';

const entriesByClient = new WeakMap<QueryClient, Map<string, CustomerSessionEntry>>();

function entriesOf(client: QueryClient): Map<string, CustomerSessionEntry> {
  let entries = entriesByClient.get(client);
  if (entries === undefined) {
    const created = new Map<string, CustomerSessionEntry>();
    entries = created;
    entriesByClient.set(client, created);
    // A removed query is either garbage (idle entry: forget it) or the app clearing the cache,
    // e.g. on sign-out (active entry: the old secret goes, a new session is fetched).
    client.getQueryCache().subscribe((event) => {
      if (event.type !== 'removed' || !isCustomerSessionQuery(event.query)) return;
      const hash = hashKey(event.query.queryKey);
      const entry = created.get(hash);
      if (entry?.isActive() === false) created.delete(hash);
      else entry?.restart();
    });
  }
  return entries;
}

/** The shared entry for one QueryClient, endpoint and component set (created on first use). */
export function getCustomerSessionEntry(
  client: QueryClient,
  endpoint: CustomerSessionEndpoint,
  components: readonly ComponentName[],
): CustomerSessionEntry {
  const entries = entriesOf(client);
  const hash = hashKey(customerSessionQueryKey(endpoint, components));
  let entry = entries.get(hash);
  if (entry === undefined) {
    entry = createCustomerSessionEntry(client, endpoint, components);
    entries.set(hash, entry);
  }
  return entry;
}
