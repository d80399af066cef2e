import type { CSSProperties, ReactNode } from 'react';
import { PaymentElement } from '@stripe/react-stripe-js';
import { BuyButton, CustomerSessionElements, PricingTable, type CustomerSessionError } from '../../src/index';
import { acmeAppearance, acmeCssVariables } from './tokens';
import './acme.css';

/** The design system's root: its tokens as CSS variables. */
export function AcmeRoot({ children }: { children: ReactNode }) {
  return (
    <div className="acme-root" style={acmeCssVariables() as CSSProperties}>
      {children}
    </div>
  );
}

export function AcmePanel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="acme-panel" aria-label={title}>
      <h3 className="acme-panel-title">{title}</h3>
      {children}
    </section>
  );
}

/** Its loading skeleton: every component's `fallback`. */
export function AcmeSkeleton({ label }: { label: string }) {
  return (
    <div className="acme-skeleton" role="progressbar" aria-label={label} aria-busy="true">
      <div className="acme-skeleton-bar" />
      <div className="acme-skeleton-bar" />
    </div>
  );
}

/** Its error banner: every component's `errorFallback`, shown when Stripe's script cannot load. */
export function AcmeErrorBanner({ what }: { what: string }) {
  return (
    <div className="acme-banner acme-banner--error" role="alert">
      <span className="acme-banner-title">{what} is unavailable right now</span>
      <span>Check your connection or try again in a minute. Nothing was charged.</span>
    </div>
  );
}

/** Where the design system reports failures (a real one would send them to its telemetry). */
export type AcmeReport = (error: CustomerSessionError) => void;

/** The Payment Element in Acme's clothes: tokens → `appearance`, Acme skeleton and error banner. */
export function AcmePaymentForm({ onError, children }: { onError?: AcmeReport; children?: ReactNode }) {
  return (
    <CustomerSessionElements
      options={{ mode: 'payment', amount: 4800, currency: 'usd', appearance: acmeAppearance() }}
      fallback={<AcmeSkeleton label="Loading payment form" />}
      errorFallback={<AcmeErrorBanner what="Card payment" />}
      onError={onError}
    >
      <PaymentElement />
      {children}
    </CustomerSessionElements>
  );
}

/** The pricing table with Acme's class on `<stripe-pricing-table>`. */
export function AcmePricingTable({ pricingTableId, onError }: { pricingTableId: string; onError?: AcmeReport }) {
  return (
    <PricingTable
      pricingTableId={pricingTableId}
      className="acme-stripe-embed acme-stripe-embed--pricing-table"
      data-acme-component="pricing-table"
      fallback={<AcmeSkeleton label="Loading plans" />}
      errorFallback={<AcmeErrorBanner what="Plans" />}
      onError={onError}
    />
  );
}

/** The buy button with Acme's class on `<stripe-buy-button>`. */
export function AcmeBuyButton({ buyButtonId, onError }: { buyButtonId: string; onError?: AcmeReport }) {
  return (
    <BuyButton
      buyButtonId={buyButtonId}
      className="acme-stripe-embed acme-stripe-embed--buy-button"
      data-acme-component="buy-button"
      fallback={<AcmeSkeleton label="Loading buy button" />}
      errorFallback={<AcmeErrorBanner what="Quick buy" />}
      onError={onError}
    />
  );
}
