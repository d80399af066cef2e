import { PaymentElement } from '@stripe/react-stripe-js';
import { useLayoutEffect, useState } from 'react';
import { BuyButton, CustomerSessionElements, CustomerSessionProvider, PricingTable, type CustomerSession } from '../../src/index';
import { createStripeStandIn } from '../../src/testing/createStripeStandIn';
import { defineStripeWebComponentStandIns } from '../../src/testing/defineStripeWebComponentStandIns';
import { Panel } from './Panel';
import { SessionBar } from './SessionBar';
import { feedStandIn } from './StandInSessionFeed';
import { storefrontComponents } from './storefrontComponents';
import { useDemoSignIn } from './signIn';

const publishableKey = import.meta.env.STRIPE_PUBLISHABLE_KEY;
// Without a publishable key nothing may reach js.stripe.com: Stripe.js and the web components are stand-ins.
const offline = !publishableKey;
const stripe = offline ? createStripeStandIn() : undefined;

const appearance = {
  theme: 'stripe' as const,
  variables: { colorPrimary: '#7a4b2a', borderRadius: '8px', fontFamily: 'system-ui, sans-serif' },
};

export interface AppProps {
  /** Which page this is: `/` fetches the session in the browser, `/ssr` gets it from the server render. */
  page: 'client-fetched' | 'server-rendered';
  /**
   * The sessions the server created while rendering `/ssr` (`serverRenderedSessions`): the provider's
   * own, then one per customer-aware element.
   */
  sessions?: CustomerSession[] | undefined;
}

export function App({ page, sessions }: AppProps) {
  const [initialSession, ...initialSessions] = sessions ?? [];
  // Before anything renders: the stand-in must know the server-rendered sessions at hydration.
  useState(() => stripe && typeof window !== 'undefined' && feedStandIn(stripe, '/api/customer-session', sessions));
  // Defined once the first commit has matched the server HTML (on /ssr) and before any passive effect
  // looks for the elements: a stand-in drawing into a server-rendered element before hydration would
  // give it children the server HTML lacks, and React would throw the server HTML away.
  useLayoutEffect(() => {
    if (offline) defineStripeWebComponentStandIns();
  }, []);
  // Signing out here drops the session in this tab and, through the package, in every other tab.
  const [signedIn, setSignedIn] = useDemoSignIn();
  return (
    <CustomerSessionProvider
      endpoint="/api/customer-session"
      components={storefrontComponents}
      enabled={signedIn}
      initialSession={initialSession}
      initialSessions={initialSessions}
      publishableKey={publishableKey ?? 'pk_test_offline_demo'}
      stripe={stripe}
    >
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark">N</span> Northwind Coffee
        </div>
        <nav className="pages" aria-label="Demo pages">
          <a href="/" aria-current={page === 'client-fetched' ? 'page' : undefined}>
            Client-fetched
          </a>
          <a href="/ssr" aria-current={page === 'server-rendered' ? 'page' : undefined}>
            Server-rendered
          </a>
        </nav>
        <div className="account">
          {signedIn ? 'Signed in as Jenny Rosen' : 'Signed out'}
          <button className="account-action" type="button" onClick={() => void setSignedIn(!signedIn)}>
            {signedIn ? 'Sign out' : 'Sign in'}
          </button>
          <span className="avatar">{signedIn ? 'JR' : '?'}</span>
        </div>
      </header>
      <main className="layout">
        <SessionBar />
        <div className="column">
          <Panel label="Checkout" title="Checkout" kicker="Payment Element" component="payment_element">
            <div className="product">
              <div className="product-art" aria-hidden="true" />
              <div>
                <div className="product-name">Yirgacheffe, washed</div>
                <div className="product-meta">Whole bean · 340 g · Ships Monday</div>
              </div>
              <div className="price">$24.00</div>
            </div>
            <CustomerSessionElements
              options={{ mode: 'payment', amount: 2400, currency: 'usd', appearance }}
              fallback={<div className="skeleton" aria-label="Loading payment form" />}
            >
              <PaymentElement />
            </CustomerSessionElements>
            <button className="pay" type="button">
              Pay $24.00
            </button>
          </Panel>
        </div>
        <div className="column">
          <Panel label="Subscriptions" title="Subscribe and save" kicker="Pricing table" component="pricing_table">
            <PricingTable
              pricingTableId={import.meta.env.STRIPE_PRICING_TABLE_ID ?? 'prctbl_demo_subscriptions'}
              clientReferenceId="shopper-jenny"
              fallback={<div className="skeleton" />}
            />
          </Panel>
          <Panel label="Gift card" title="Gift a bag" kicker="Buy button" component="buy_button">
            <BuyButton buyButtonId={import.meta.env.STRIPE_BUY_BUTTON_ID ?? 'buy_btn_demo_gift_card'} fallback={<div className="skeleton" />} />
          </Panel>
        </div>
      </main>
      <footer className="footer">
        Demo storefront for react-stripe-customer-session.{' '}
        {page === 'server-rendered'
          ? 'This page got its sessions from the server render (createCustomerSessions), one per element; refreshes come from /api/customer-session.'
          : 'Sessions from /api/customer-session (the package\'s handler, official stripe SDK).'}{' '}
        {offline ? 'Stripe.js and the web components are offline stand-ins.' : 'Stripe.js and the web components from js.stripe.com.'}
      </footer>
    </CustomerSessionProvider>
  );
}
