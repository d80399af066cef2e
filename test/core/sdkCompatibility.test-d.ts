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
  ActiveEntitlementsParams,
  CustomerPortalParams,
  ExpandedCustomer,
} from '../../src/core/types';
import type { EmulatorCustomer } from '../../src/testing/emulator/types';
import type { ComponentName } from '../../src/core/componentNames';

type SdkParams = Stripe.CustomerSessionCreateParams;
type SdkComponents = Stripe.CustomerSession.Components;

describe('create params are assignable to the official SDK\'s', () => {
  it('at the top level and for components', () => {
    expectTypeOf<CustomerSessionCreateParams>().toExtend<SdkParams>();
    expectTypeOf<CustomerSessionCreateParams['expand']>().toEqualTypeOf<SdkParams['expand']>();
    expectTypeOf<CustomerSessionComponentsParams>().toExtend<Stripe.CustomerSessionCreateParams.Components>();
  });

  it('for each component and its features', () => {
    expectTypeOf<BuyButtonParams>().toExtend<Stripe.CustomerSessionCreateParams.Components.BuyButton>();
    expectTypeOf<PricingTableParams>().toExtend<Stripe.CustomerSessionCreateParams.Components.PricingTable>();
    expectTypeOf<ActiveEntitlementsParams>().toExtend<Stripe.CustomerSessionCreateParams.Components.ActiveEntitlements>();
    expectTypeOf<CustomerPortalParams>().toExtend<Stripe.CustomerSessionCreateParams.Components.CustomerPortal>();
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

  it('for components, the two stripe 23 adds included, and componentNames lists exactly the SDK\'s', () => {
    expectTypeOf<ComponentName>().toEqualTypeOf<keyof SdkComponents>();
    expectTypeOf<ComponentName>().toEqualTypeOf<keyof Stripe.CustomerSessionCreateParams.Components>();
    expectTypeOf<CustomerSessionComponents>().toExtend<SdkComponents>();
    expectTypeOf<CustomerSessionComponents['active_entitlements']>().toExtend<Stripe.CustomerSession.Components.ActiveEntitlements>();
    expectTypeOf<CustomerSessionComponents['customer_portal']>().toExtend<Stripe.CustomerSession.Components.CustomerPortal>();
  });

  it('for the whole session, customer as an ID or the expanded Customer', () => {
    expectTypeOf<CustomerSession>().toExtend<Stripe.CustomerSession>();
    expectTypeOf<ExpandedCustomer>().toExtend<Stripe.Customer>();
    // What the emulator answers with expand: ['customer'] is a Customer as the SDK types it.
    expectTypeOf<EmulatorCustomer>().toExtend<ExpandedCustomer>();
    expectTypeOf<EmulatorCustomer>().toExtend<Stripe.Customer>();
  });
});
