'use client';
import { customerSessionQueryKeyPrefix } from './customerSessionQueryKeyPrefix';

/**
 * True for the queries that hold Customer Sessions. Their client secrets must never be persisted:
 * pass `shouldDehydrateQuery: (q) => defaultShouldDehydrateQuery(q) && !isCustomerSessionQuery(q)`
 * to `persistQueryClient` / `PersistQueryClientProvider` / `dehydrate`.
 */
export function isCustomerSessionQuery(query: { queryKey: readonly unknown[] }): boolean {
  return query.queryKey[0] === customerSessionQueryKeyPrefix;
}
