import { render, type RenderResult } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { CustomerSessionProvider } from '../../src/react/CustomerSessionProvider';
import type { CustomerSessionProviderProps } from '../../src/react/types';
import { sessionEndpointUrl } from './sessionEndpoint';

export type ProviderTestProps = Partial<Omit<CustomerSessionProviderProps, 'children'>> & { strict?: boolean };

/** Wraps `ui` in a `CustomerSessionProvider` (endpoint defaults to the MSW session endpoint), optionally in StrictMode. */
export function providerTree(ui: ReactNode, { strict = false, ...props }: ProviderTestProps = {}): ReactNode {
  const tree = (
    <CustomerSessionProvider endpoint={sessionEndpointUrl} {...props}>
      {ui}
    </CustomerSessionProvider>
  );
  return strict ? <StrictMode>{tree}</StrictMode> : tree;
}

export function renderWithProvider(ui: ReactNode, props: ProviderTestProps = {}): RenderResult & { rerenderWith(next: ProviderTestProps): void } {
  const result = render(providerTree(ui, props));
  return { ...result, rerenderWith: (next) => result.rerender(providerTree(ui, { ...props, ...next })) };
}
