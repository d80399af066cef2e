'use client';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentName } from '../core/componentNames';
import { getCustomerSessionEntry } from './getCustomerSessionEntry';
import type { CustomerSessionState, UseCustomerSessionOptions } from './types';

const ignoreChanges = () => (): void => {};

/** Internal: `useCustomerSession` on a known QueryClient. */
export function useCustomerSessionWithClient(options: UseCustomerSessionOptions, client: QueryClient): CustomerSessionState {
  const { endpoint, enabled = true, refreshMarginMs, requestInit } = options;
  // The component list keys the session by content, so a fresh array each render is fine.
  const componentsId = [...new Set(options.components ?? [])].sort().join(',');
  const entry = useMemo(
    () => getCustomerSessionEntry(client, endpoint, componentsId === '' ? [] : (componentsId.split(',') as ComponentName[])),
    [client, endpoint, componentsId],
  );
  const registration = useMemo(() => entry.createRegistration(), [entry]);

  // Declared before the registration effect so the first request already sees these wishes.
  useEffect(() => {
    entry.configure(registration, { enabled, refreshMarginMs }, requestInit);
  }, [entry, registration, enabled, refreshMarginMs, requestInit]);
  useEffect(() => entry.register(registration), [entry, registration]);

  // A hook that is not enabled never sees the shared session, even while other hooks use it.
  const off = entry.getDisabledSnapshot;
  return useSyncExternalStore(enabled ? entry.subscribe : ignoreChanges, enabled ? entry.getSnapshot : off, enabled ? () => entry.serverSnapshot : off);
}
