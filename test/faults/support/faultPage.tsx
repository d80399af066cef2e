import { PaymentElement } from '@stripe/react-stripe-js';
import type { StripeElementsOptions, StripeElementsUpdateOptions } from '@stripe/stripe-js';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type { ComponentName } from '../../../src/core/componentNames';
import { BuyButton } from '../../../src/react/webComponents';
import { CustomerSessionElements } from '../../../src/react/CustomerSessionElements';
import { PricingTable } from '../../../src/react/webComponents';
import type { CustomerSessionState } from '../../../src/react/types';
import { useComponentSecret } from '../../../src/react/elementSecret';
import { useCustomerSessionContext } from '../../../src/react/CustomerSessionProvider';
import { createStripeStandIn, type StripeStandIn } from '../../../src/testing/createStripeStandIn';
import { providerTree, type ProviderTestProps } from '../../helpers/renderWithProvider';
import { currentLedger, type SecretLedger } from './secretLedger';

export const pageComponents: ComponentName[] = ['buy_button', 'payment_element', 'pricing_table'];

/**
 * A Stripe stand-in that reports every customer secret put into a Payment Element to the ledger:
 * the `elements()` group's once it creates its element (StrictMode's second `useState` call makes
 * a group that is never used), and each `elements.update()`'s.
 */
export function ledgeredStripe(ledger: SecretLedger, endpoint: string): StripeStandIn {
  const stripe = createStripeStandIn();
  type Group = { create(...args: unknown[]): unknown; update(options: StripeElementsUpdateOptions): Promise<void> };
  const elements = stripe.elements.bind(stripe) as (options?: StripeElementsOptions) => Group;
  Object.assign(stripe, {
    elements(options?: StripeElementsOptions) {
      const group = elements(options);
      const create = group.create.bind(group);
      let created = false;
      group.create = (...args) => {
        if (!created) ledger.see('elements()', endpoint, options?.customerSessionClientSecret);
        created = true;
        return create(...args);
      };
      const update = group.update.bind(group);
      group.update = (updates) => {
        ledger.see('elements.update()', endpoint, updates.customerSessionClientSecret);
        return update(updates);
      };
      return group;
    },
  });
  return stripe;
}

/**
 * Stand-ins for Stripe's web components that, like Stripe's, read their attributes when they
 * connect, and report the secret they got to the current ledger (`data-endpoint` names the
 * provider they are under). Defining them first also keeps PricingTable/BuyButton from loading scripts.
 */
export function defineLedgerWebComponents(): void {
  for (const tag of ['stripe-pricing-table', 'stripe-buy-button']) {
    if (customElements.get(tag)) continue;
    customElements.define(
      tag,
      class extends HTMLElement {
        connectedCallback() {
          currentLedger().see(tag, this.dataset.endpoint ?? '?', this.getAttribute('customer-session-client-secret'));
        }
      },
    );
  }
}

/** What the page's consumers rendered, newest last. */
export interface PageRecord {
  states: CustomerSessionState[];
  latest(): CustomerSessionState;
}

function checkState(ledger: SecretLedger, endpoint: string, state: CustomerSessionState): void {
  const { status, clientSecret, session } = state;
  if (clientSecret !== null && session?.client_secret !== clientSecret) ledger.flag(`${endpoint}: clientSecret does not match session.client_secret`);
  if (clientSecret !== null && (status === 'expired' || status === 'pending')) ledger.flag(`${endpoint}: a secret shown while ${status}`);
}

/**
 * A storefront for one provider: a `useCustomerSessionContext` consumer, a `useComponentSecret`
 * hook, `CustomerSessionElements` with the Payment Element, a pricing table and a buy button. Every
 * secret any of them receives goes through `ledger.see`.
 */
export function createFaultPage(ledger: SecretLedger, endpoint: string): { Page(): ReactElement; record: PageRecord } {
  const states: CustomerSessionState[] = [];
  function Consumer(): ReactElement {
    const state = useCustomerSessionContext();
    states.push(state);
    checkState(ledger, endpoint, state);
    ledger.see('useCustomerSessionContext', endpoint, state.clientSecret);
    return <output data-testid={`status ${endpoint}`}>{state.status}</output>;
  }
  function SecretProbe({ component }: { component: ComponentName }): null {
    ledger.see(`useComponentSecret(${component})`, endpoint, useComponentSecret(component).clientSecret);
    return null;
  }
  function Page(): ReactElement {
    return (
      <>
        <Consumer />
        <SecretProbe component="pricing_table" />
        <CustomerSessionElements options={{ mode: 'payment', amount: 1099, currency: 'usd' }}>
          <PaymentElement />
        </CustomerSessionElements>
        <PricingTable pricingTableId="prctbl_faults" data-endpoint={endpoint} />
        <BuyButton buyButtonId="buy_btn_faults" data-endpoint={endpoint} />
      </>
    );
  }
  return {
    Page,
    record: {
      states,
      latest: () => {
        const state = states.at(-1);
        if (state === undefined) throw new Error('nothing rendered yet');
        return state;
      },
    },
  };
}

export interface FaultProvider {
  /** The provider for `endpoint` around the fault page (and `children` after it). */
  element: ReactNode;
  record: PageRecord;
  stripe: StripeStandIn;
}

/** The fault page under its own provider for `endpoint`, with a ledgered Stripe stand-in. */
export function faultProvider(ledger: SecretLedger, endpoint: string, props: ProviderTestProps = {}, children?: ReactNode): FaultProvider {
  const { Page, record } = createFaultPage(ledger, endpoint);
  const stripe = ledgeredStripe(ledger, endpoint);
  const element = providerTree(
    <>
      <Page />
      {children}
    </>,
    { endpoint, components: pageComponents, stripe, publishableKey: 'pk_test_faults', ...props },
  );
  return { element, record, stripe };
}

export interface RenderedFaultPage extends RenderResult, Omit<FaultProvider, 'element'> {
  /** Renders the same page again (new elements, same props): an unrelated re-render from above. */
  rerenderPage(): void;
}

/** Renders the fault page under a provider for `endpoint`. */
export function renderFaultPage(ledger: SecretLedger, endpoint: string, props: ProviderTestProps = {}): RenderedFaultPage {
  const { Page, record } = createFaultPage(ledger, endpoint);
  const stripe = ledgeredStripe(ledger, endpoint);
  const tree = () => providerTree(<Page />, { endpoint, components: pageComponents, stripe, publishableKey: 'pk_test_faults', ...props });
  const result = render(tree());
  return { ...result, record, stripe, rerenderPage: () => result.rerender(tree()) };
}
