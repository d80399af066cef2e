import type {
  CustomerSessionComponents,
  CustomerSessionComponentsParams,
  CustomerSheetFeatures,
  MobilePaymentElementFeatures,
  PaymentElementFeatures,
} from '../core/types';

/**
 * The `components` of a Customer Session as Stripe returns it for (valid) create params: every
 * component present, `enabled: false` for those not requested, and a `features` object on the three
 * components that have features. The object schema requires five components; stripe 23's types
 * (2026-10-28.endive) add `active_entitlements` and `customer_portal` as required keys, so they are here too.
 *
 * Defaults, decided from the reference and the fixture:
 * - payment_element: the reference states a default for every feature (redisplay/remove/save
 *   `disabled`, limit `3`, filters `["always"]`) and the SDK types those fields non-null, so they are
 *   filled in whether or not features were sent. The fixture's `payment_method_redisplay_limit: null`
 *   shows the type allows null, but the fixture's values are synthetic (its `remove` is `enabled`, its
 *   filters `["unspecified"]`, neither a default), so the reference's `3` wins. `payment_method_save_usage`
 *   has no default: null unless sent.
 * - customer_sheet and mobile_payment_element: the fixture shows every unset feature as `null` (the
 *   reference's `["always"]` filter default is applied where the filter is used, not echoed), so a
 *   feature is its sent value or null.
 */
export function buildCustomerSessionComponents(params: CustomerSessionComponentsParams): CustomerSessionComponents {
  const sheet = params.customer_sheet?.features;
  const mobile = params.mobile_payment_element?.features;
  const payment = params.payment_element?.features;

  const customerSheetFeatures: CustomerSheetFeatures = {
    payment_method_allow_redisplay_filters: copy(sheet?.payment_method_allow_redisplay_filters) ?? null,
    payment_method_remove: sheet?.payment_method_remove ?? null,
  };
  const mobileFeatures: MobilePaymentElementFeatures = {
    payment_method_allow_redisplay_filters: copy(mobile?.payment_method_allow_redisplay_filters) ?? null,
    payment_method_redisplay: mobile?.payment_method_redisplay ?? null,
    payment_method_remove: mobile?.payment_method_remove ?? null,
    payment_method_save: mobile?.payment_method_save ?? null,
    payment_method_save_allow_redisplay_override: mobile?.payment_method_save_allow_redisplay_override ?? null,
  };
  const paymentFeatures: PaymentElementFeatures = {
    payment_method_allow_redisplay_filters: copy(payment?.payment_method_allow_redisplay_filters) ?? ['always'],
    payment_method_redisplay: payment?.payment_method_redisplay ?? 'disabled',
    payment_method_redisplay_limit: payment?.payment_method_redisplay_limit ?? 3,
    payment_method_remove: payment?.payment_method_remove ?? 'disabled',
    payment_method_save: payment?.payment_method_save ?? 'disabled',
    payment_method_save_usage: payment?.payment_method_save_usage ?? null,
  };

  return {
    active_entitlements: { enabled: params.active_entitlements?.enabled ?? false },
    buy_button: { enabled: params.buy_button?.enabled ?? false },
    customer_portal: { enabled: params.customer_portal?.enabled ?? false },
    customer_sheet: { enabled: params.customer_sheet?.enabled ?? false, features: customerSheetFeatures },
    mobile_payment_element: { enabled: params.mobile_payment_element?.enabled ?? false, features: mobileFeatures },
    payment_element: { enabled: params.payment_element?.enabled ?? false, features: paymentFeatures },
    pricing_table: { enabled: params.pricing_table?.enabled ?? false },
  };
}

function copy<T>(list: readonly T[] | undefined): T[] | undefined {
  return list ? [...list] : undefined;
}
