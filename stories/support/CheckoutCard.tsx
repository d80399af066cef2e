import type { ReactNode } from 'react';
import { PaymentElement } from '@stripe/react-stripe-js';
import { CustomerSessionElements } from '../../src/index';
import type { CustomerSessionElementsOptions } from '../../src/react/types';
import { Skeleton } from './Skeleton';
import { StoreCard } from './StoreCard';

const defaultOptions: CustomerSessionElementsOptions = {
  mode: 'payment',
  amount: 4800,
  currency: 'usd',
  appearance: { theme: 'stripe', variables: { colorPrimary: '#4f46e5', borderRadius: '8px' } },
};

/** Order summary, the Payment Element inside `CustomerSessionElements`, and a pay button with it. */
export function CheckoutCard({ options = defaultOptions, children }: { options?: CustomerSessionElementsOptions; children?: ReactNode }) {
  return (
    <StoreCard title="Checkout" note="<CustomerSessionElements>" tall>
      <div className="sf-summary">
        <div className="sf-summary-line">
          <span>Field notebook ×2</span>
          <span>$36.00</span>
        </div>
        <div className="sf-summary-line">
          <span>Shipping</span>
          <span>$12.00</span>
        </div>
        <div className="sf-summary-total">
          <span>Total</span>
          <span>$48.00</span>
        </div>
      </div>
      {/* Pay sits inside the Elements, as it must to confirm: shown with the form, for a guest or the customer. */}
      <CustomerSessionElements options={options} fallback={<Skeleton label="Loading payment form" />}>
        {children ?? <PaymentElement />}
        <button className="sf-pay" type="button">
          Pay $48.00
        </button>
      </CustomerSessionElements>
    </StoreCard>
  );
}
