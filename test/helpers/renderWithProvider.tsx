import { render, type RenderResult } from '@testing-library/react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { CustomerSessionProvider } from '../../src/react/CustomerSessionProvider';
import type { CustomerSessionProviderProps } from '../../src/react/types';
import { sessionEndpointUrl } from './sessionEndpoint';

export type ProviderTestProps = Partial<Omit<CustomerSessionProviderProps, 'children'>> & {
  strict?: boolean;
  /** The app's own client: the provider goes inside a `QueryClientProvider` for it. */
  appQueryClient?: QueryClient;
};

/**
 * Wraps `ui` in a `CustomerSessionProvider` (endpoint defaults to the MSW session endpoint),
 * optionally inside the app's `QueryClientProvider` and StrictMode.
 */
export function providerTree(ui: ReactNode, { strict = false, appQueryClient, ...props }: ProviderTestProps = {}): ReactNode {
  const provider = (
    <CustomerSessionProvider endpoint={sessionEndpointUrl} {...props}>
      {ui}
    </CustomerSessionProvider>
  );
  const tree = appQueryClient ? <QueryClientProvider client={appQueryClient}>{provider}</QueryClientProvider> : provider;
  return strict ? <StrictMode>{tree}</StrictMode> : tree;
}

export function renderWithProvider(ui: ReactNode, props: ProviderTestProps = {}): RenderResult & { rerenderWith(next: ProviderTestProps): void } {
  const result = render(providerTree(ui, props));
  return { ...result, rerenderWith: (next) => result.rerender(providerTree(ui, { ...props, ...next })) };
}
