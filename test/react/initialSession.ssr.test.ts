import { createElement } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { CustomerSessionProvider, PricingTable, useCustomerSession } from '../../src/index';
import { makeCustomerSession } from '../../src/testing/makeCustomerSession';

describe('an initial session on the server (node, no window)', () => {
  it('renders ready with its secret: the pricing table is in the HTML with customer-session-client-secret; nothing fetched, nothing left behind', () => {
    vi.useFakeTimers();
    try {
      const session = makeCustomerSession({ components: ['pricing_table'] });
      const endpoint = vi.fn(async () => makeCustomerSession());
      const queryClient = new QueryClient();
      const statuses: string[] = [];
      function Probe() {
        statuses.push(useCustomerSession({ endpoint, components: ['pricing_table'], initialSession: session }).status);
        return null;
      }
      const html = renderToString(
        createElement(CustomerSessionProvider, {
          endpoint,
          components: ['pricing_table'],
          initialSession: session,
          publishableKey: 'pk_test_ssr',
          queryClient,
          children: [createElement(PricingTable, { key: 'table', pricingTableId: 'prctbl_ssr', nonce: 'n0nce' }), createElement(Probe, { key: 'probe' })],
        }),
      );
      expect(html).toMatch(new RegExp(`<stripe-pricing-table[^>]*customer-session-client-secret="${session.client_secret}"`));
      expect(html).toContain('pricing-table-id="prctbl_ssr"');
      expect(html).toMatch(/<script[^>]*src="https:\/\/js\.stripe\.com\/v3\/pricing-table\.js"/);
      expect(statuses).toEqual(['ready']);
      expect(endpoint).not.toHaveBeenCalled();
      expect(vi.getTimerCount()).toBe(0);
      expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
