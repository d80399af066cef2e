import { PaymentElement } from '@stripe/react-stripe-js';
import { createElement, Fragment, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { CustomerSession } from '../../src/core/types';
import { BuyButton } from '../../src/react/webComponents';
import { CustomerSessionContext, type CustomerSessionContextValue } from '../../src/react/CustomerSessionProvider';
import { CustomerSessionElements } from '../../src/react/CustomerSessionElements';
import { PricingTable } from '../../src/react/webComponents';
import type { CustomerSessionState } from '../../src/react/types';

const secret = 'cuss_secret_ServerRenderedSecretMustNotLeak';
const session = {
  object: 'customer_session',
  client_secret: secret,
  components: {
    active_entitlements: { enabled: false },
    buy_button: { enabled: true },
    customer_portal: { enabled: false },
    pricing_table: { enabled: true },
    payment_element: { enabled: true, features: null },
    customer_sheet: { enabled: false, features: null },
    mobile_payment_element: { enabled: false, features: null },
  },
  created: 1_700_000_000,
  customer: 'cus_1',
  customer_account: null,
  expires_at: 1_700_001_800,
  livemode: false,
} satisfies CustomerSession;

function renderOnServer(state: Pick<CustomerSessionState, 'status' | 'session' | 'clientSecret'>) {
  const getStripe = vi.fn(() => null);
  const value: CustomerSessionContextValue = {
    store: null,
    serverState: { ...state, expiresAt: null, error: null, isEnabled: () => state.session !== null, refresh: () => Promise.resolve() },
    enabled: true,
    dropGeneration: 0,
    getStripe,
    publishableKey: 'pk_test_ssr',
    client: null,
    session: { endpoint: '/api/customer-session', getRequestInit: () => undefined },
    takeInitial: () => state.session ?? undefined,
    spendInitial: () => {},
    spendAll: () => {},
  };
  const page: ReactNode = createElement(
    Fragment,
    null,
    createElement(PricingTable, { pricingTableId: 'prctbl_1', fallback: createElement('p', null, 'plans loading') }),
    createElement(BuyButton, { buyButtonId: 'buy_btn_1', fallback: createElement('p', null, 'button loading') }),
    createElement(CustomerSessionElements, { options: { mode: 'payment', amount: 100, currency: 'usd' }, fallback: createElement('p', null, 'checkout loading') }, createElement(PaymentElement)),
  );
  const html = renderToString(createElement(CustomerSessionContext.Provider, { value }, page));
  return { html, getStripe };
}

describe('server rendering', () => {
  it('runs where there is no document or window at all', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
  });

  it('renders fallbacks while pending: no Stripe element, no script, no Stripe.js', () => {
    const { html, getStripe } = renderOnServer({ status: 'pending', session: null, clientSecret: null });
    expect(html).toContain('plans loading');
    expect(html).toContain('button loading');
    expect(html).toContain('checkout loading');
    expect(html).not.toMatch(/stripe-pricing-table|stripe-buy-button|<script/);
    expect(getStripe).not.toHaveBeenCalled();
  });

  it('with a session known on the server (an initial session), renders the web components with its secret and their script, never an anonymous one', () => {
    const { html, getStripe } = renderOnServer({ status: 'ready', session, clientSecret: secret });
    expect(html).toMatch(new RegExp(`<stripe-pricing-table[^>]*customer-session-client-secret="${secret}"`));
    expect(html).toMatch(new RegExp(`<stripe-buy-button[^>]*customer-session-client-secret="${secret}"`));
    expect(html).toContain('https://js.stripe.com/v3/pricing-table.js');
    expect(html).not.toContain('plans loading');
    expect(html).not.toContain('checkout loading');
    expect(getStripe).not.toHaveBeenCalled();
  });
});
