import type Stripe from 'stripe';
import type {
  BuyButtonParams,
  CustomerSession,
  CustomerSessionComponents,
  CustomerSessionComponentsParams,
  CustomerSessionCreateParams,
  CustomerSheetFeatures,
  CustomerSheetFeaturesParams,
  CustomerSheetParams,
  MobilePaymentElementFeatures,
  MobilePaymentElementFeaturesParams,
  MobilePaymentElementParams,
  PaymentElementFeatures,
  PaymentElementFeaturesParams,
  PaymentElementParams,
  PricingTableParams,
} from '../../src/core/types';

type SdkParams = Stripe.CustomerSessionCreateParams;
type SdkComponents = Stripe.CustomerSession.Components;

describe('create params are assignable to the official SDK\'s', () => {
  it('at the top level and for components', () => {
    expectTypeOf<CustomerSessionCreateParams>().toExtend<SdkParams>();
    expectTypeOf<CustomerSessionComponentsParams>().toExtend<Stripe.CustomerSessionCreateParams.Components>();
  });

  it('for each component and its features', () => {
    expectTypeOf<BuyButtonParams>().toExtend<Stripe.CustomerSessionCreateParams.Components.BuyButton>();
    expectTypeOf<PricingTableParams>().toExtend<Stripe.CustomerSessionCreateParams.Components.PricingTable>();
    expectTypeOf<CustomerSheetParams>().toExtend<Stripe.CustomerSessionCreateParams.Components.CustomerSheet>();
    expectTypeOf<CustomerSheetFeaturesParams>().toExtend<Stripe.CustomerSessionCreateParams.Components.CustomerSheet.Features>();
    expectTypeOf<MobilePaymentElementParams>().toExtend<Stripe.CustomerSessionCreateParams.Components.MobilePaymentElement>();
    expectTypeOf<MobilePaymentElementFeaturesParams>().toExtend<Stripe.CustomerSessionCreateParams.Components.MobilePaymentElement.Features>();
    expectTypeOf<PaymentElementParams>().toExtend<Stripe.CustomerSessionCreateParams.Components.PaymentElement>();
    expectTypeOf<PaymentElementFeaturesParams>().toExtend<Stripe.CustomerSessionCreateParams.Components.PaymentElement.Features>();
  });
});

describe('the Customer Session object is assignable to the official SDK\'s where both describe it', () => {
  it('for each component and its features', () => {
    expectTypeOf<CustomerSheetFeatures>().toExtend<Stripe.CustomerSession.Components.CustomerSheet.Features>();
    expectTypeOf<MobilePaymentElementFeatures>().toExtend<Stripe.CustomerSession.Components.MobilePaymentElement.Features>();
    expectTypeOf<PaymentElementFeatures>().toExtend<Stripe.CustomerSession.Components.PaymentElement.Features>();
    expectTypeOf<CustomerSessionComponents['buy_button']>().toExtend<Stripe.CustomerSession.Components.BuyButton>();
    expectTypeOf<CustomerSessionComponents['customer_sheet']>().toExtend<Stripe.CustomerSession.Components.CustomerSheet>();
    expectTypeOf<CustomerSessionComponents['mobile_payment_element']>().toExtend<Stripe.CustomerSession.Components.MobilePaymentElement>();
    expectTypeOf<CustomerSessionComponents['payment_element']>().toExtend<Stripe.CustomerSession.Components.PaymentElement>();
    expectTypeOf<CustomerSessionComponents['pricing_table']>().toExtend<Stripe.CustomerSession.Components.PricingTable>();
  });

  it('for components, apart from the two the reference version does not have', () => {
    // SDK 23 targets a newer API version whose response also has active_entitlements and customer_portal;
    // the reference (2025-09-30.clover) has neither, so our components lack them and are not the SDK's whole type.
    type Shared = Omit<SdkComponents, 'active_entitlements' | 'customer_portal'>;
    expectTypeOf<CustomerSessionComponents>().toExtend<Shared>();
    expectTypeOf<CustomerSessionComponents>().not.toExtend<SdkComponents>();
  });

  it('for the session, apart from components (above) and customer', () => {
    // The SDK types customer as `string | Customer`; a session made for a customer_account has customer null
    // on the wire, so ours is `string | null`. Every other member is assignable as is.
    type Shared = Omit<Stripe.CustomerSession, 'components' | 'customer'>;
    expectTypeOf<Omit<CustomerSession, 'components' | 'customer'>>().toExtend<Shared>();
    expectTypeOf<NonNullable<CustomerSession['customer']>>().toExtend<Stripe.CustomerSession['customer']>();
  });
});
