'use client';
import { createContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';

/** Internal: the QueryClient a `CustomerSessionProvider` settled on, so hooks inside share its sessions. */
export const CustomerSessionQueryClientContext = createContext<QueryClient | null>(null);
CustomerSessionQueryClientContext.displayName = 'CustomerSessionQueryClientContext';
