import type { ComponentProps, JSX, Ref, RefObject } from 'react';
import { describe, expectTypeOf, it } from 'vitest';
import type { StripeElementsOptions } from '@stripe/stripe-js';
import { useComponentSecret } from '../../src/index';
import type {
  BuyButton,
  CustomerSessionElements,
  PricingTable,
  ComponentSecret,
  CustomerSessionElementsOptions,
  PricingTableProps,
} from '../../src/index';

describe('component types', () => {
  it('PricingTable: customerEmail only together with anonymous', () => {
    expectTypeOf<{ pricingTableId: string }>().toExtend<PricingTableProps>();
    expectTypeOf<{ pricingTableId: string; anonymous: true; customerEmail: string }>().toExtend<PricingTableProps>();
    expectTypeOf<{ pricingTableId: string; customerEmail: string }>().not.toExtend<PricingTableProps>();
    expectTypeOf<{ pricingTableId: string; anonymous: false; customerEmail: string }>().not.toExtend<PricingTableProps>();
    expectTypeOf<{ customerEmail?: never }>().not.toExtend<PricingTableProps>();

    // @ts-expect-error customer-email and the session secret exclude each other
    const mixed: PricingTableProps = { pricingTableId: 'prctbl_1', customerEmail: 'jenny@example.com' };
    // @ts-expect-error pricingTableId is required
    const missing: PricingTableProps = { anonymous: true };
    void mixed;
    void missing;
  });

  it('PricingTable / BuyButton: design-system props and a ref to the custom element', () => {
    type TableProps = ComponentProps<typeof PricingTable>;
    type ButtonProps = ComponentProps<typeof BuyButton>;
    expectTypeOf<{ pricingTableId: string; className: string; style: { margin: number }; 'data-testid': string; nonce: string }>().toExtend<TableProps>();
    expectTypeOf<TableProps['ref']>().toEqualTypeOf<Ref<HTMLElement> | undefined>();
    expectTypeOf<{ pricingTableId: string; ref: RefObject<HTMLElement | null> }>().toExtend<TableProps>();
    expectTypeOf<{ buyButtonId: string; ref: (element: HTMLElement | null) => void }>().toExtend<ButtonProps>();
    // The ref receives the custom element, which is no SVG element and no string ref.
    expectTypeOf<{ pricingTableId: string; ref: RefObject<SVGElement | null> }>().not.toExtend<TableProps>();
    expectTypeOf<{ pricingTableId: string; ref: 'plans' }>().not.toExtend<TableProps>();
    expectTypeOf<{ buyButtonId: string; onError: (error: Error) => void }>().toExtend<ButtonProps>();
    expectTypeOf<{ pricingTableId: string }>().not.toExtend<ButtonProps>();
  });

  it('CustomerSessionElements: Stripe’s own options, minus customerSessionClientSecret', () => {
    type Options = NonNullable<ComponentProps<typeof CustomerSessionElements>['options']>;
    expectTypeOf<Options>().toEqualTypeOf<CustomerSessionElementsOptions>();
    expectTypeOf<{ mode: 'payment'; amount: number; currency: string; appearance: { theme: 'night' } }>().toExtend<Options>();
    expectTypeOf<{ clientSecret: string }>().toExtend<Options>();
    // @ts-expect-error the package sets customerSessionClientSecret itself
    const smuggled: Options = { mode: 'payment', amount: 1099, currency: 'usd', customerSessionClientSecret: 'cuss_secret_x' };
    void smuggled;
    expectTypeOf<{ mode: 'payment'; clientSecret: string }>().not.toExtend<Options>();
    expectTypeOf<Options>().toExtend<StripeElementsOptions>();
  });

  it('useComponentSecret', () => {
    expectTypeOf(useComponentSecret).parameter(0).toEqualTypeOf<
      'active_entitlements' | 'buy_button' | 'customer_portal' | 'customer_sheet' | 'mobile_payment_element' | 'payment_element' | 'pricing_table'
    >();
    expectTypeOf(useComponentSecret).returns.toEqualTypeOf<ComponentSecret>();
    expectTypeOf<ComponentSecret['clientSecret']>().toEqualTypeOf<string | null>();
  });

  it('raw JSX: react’s JSX namespace knows both custom elements', () => {
    type Table = JSX.IntrinsicElements['stripe-pricing-table'];
    type Button = JSX.IntrinsicElements['stripe-buy-button'];
    expectTypeOf<{ 'pricing-table-id': string; 'publishable-key': string; 'customer-session-client-secret': string }>().toExtend<Table>();
    expectTypeOf<{ 'pricing-table-id': string; 'publishable-key': string; 'customer-email': string; 'client-reference-id': string }>().toExtend<Table>();
    expectTypeOf<{ 'pricing-table-id': string; 'publishable-key': string; 'customer-session-client-secret': string; 'customer-email': string }>().not.toExtend<Table>();
    expectTypeOf<{ 'publishable-key': string }>().not.toExtend<Table>();
    expectTypeOf<{ 'buy-button-id': string; 'publishable-key': string; className: string }>().toExtend<Button>();
    expectTypeOf<{ 'buy-button-id': string; 'publishable-key': string; 'customer-email': string; 'client-reference-id': string }>().toExtend<Button>();
    expectTypeOf<{ 'buy-button-id': string; 'publishable-key': string; 'customer-session-client-secret': string; 'customer-email': string }>().not.toExtend<Button>();
    expectTypeOf<{ 'pricing-table-id': string; 'publishable-key': string }>().not.toExtend<Button>();
  });
});
