import type { ArgTypes } from '@storybook/react-vite';
import type { ComponentName } from '../../src/core/componentNames';
import type {
  AllowRedisplay,
  CustomerSessionComponentsParams,
  FeatureToggle,
  PaymentElementFeaturesParams,
  PaymentMethodSaveUsage,
} from '../../src/core/types';
import type { EndpointBehaviour, StoryBackendOptions } from './createStoryBackend';

/** Saved cards seeded for the customer: none, 12 marked `always`, or 12 mixed (5 always, 4 limited, 3 unspecified). */
export type SavedCardsPreset = 'none' | '12 always' | '12 mixed';

const mixed: AllowRedisplay[] = ['always', 'limited', 'unspecified', 'always', 'limited', 'unspecified', 'always', 'limited', 'unspecified', 'always', 'limited', 'always'];

/** The `allow_redisplay` of each seeded card, oldest first. */
export function savedCardsFromPreset(preset: SavedCardsPreset): AllowRedisplay[] {
  if (preset === '12 always') return Array.from({ length: 12 }, (): AllowRedisplay => 'always');
  return preset === '12 mixed' ? [...mixed] : [];
}

/** Story controls: the server's policy, what the page renders, and how the endpoint behaves. */
export interface StorefrontArgs {
  /** Policy: the session enables the Payment Element. */
  paymentElement: boolean;
  /** Policy: the session enables the pricing table. */
  pricingTable: boolean;
  /** Policy: the session enables the buy button. */
  buyButton: boolean;
  redisplay: FeatureToggle;
  redisplayLimit: number;
  allowRedisplayFilters: AllowRedisplay[];
  save: FeatureToggle;
  saveUsage: PaymentMethodSaveUsage | 'unset';
  remove: FeatureToggle;
  /** Customer: the signed-in customer's saved cards in the emulator. */
  savedCards: SavedCardsPreset;
  /** Page: which components it renders (a rendered component the session does not enable stays anonymous). */
  showPaymentElement: boolean;
  showPricingTable: boolean;
  showBuyButton: boolean;
  /** Page: the sessions come with the page's HTML (`initialSession`, `initialSessions`), not from the endpoint. */
  serverRendered: boolean;
  endpointBehaviour: EndpointBehaviour;
  sessionTtlSeconds: number;
  refreshMarginSeconds: number;
  refreshDelayMs: number;
}

export const defaultStorefrontArgs: StorefrontArgs = {
  paymentElement: true,
  pricingTable: false,
  buyButton: false,
  redisplay: 'enabled',
  redisplayLimit: 3,
  allowRedisplayFilters: ['always'],
  save: 'disabled',
  saveUsage: 'unset',
  remove: 'disabled',
  savedCards: '12 always',
  showPaymentElement: true,
  showPricingTable: false,
  showBuyButton: false,
  serverRendered: false,
  endpointBehaviour: 'live',
  sessionTtlSeconds: 1800,
  refreshMarginSeconds: 60,
  refreshDelayMs: 0,
};

const toggle = ['enabled', 'disabled'];
const policy = { category: 'Server policy' };
const features = { category: 'Payment Element features' };
const whenPaymentElement = { arg: 'paymentElement' };
const page = { category: 'Page' };
const endpoint = { category: 'Endpoint and clock' };

export const storefrontArgTypes: Partial<ArgTypes<StorefrontArgs>> = {
  paymentElement: { name: 'components.payment_element.enabled', control: 'boolean', table: policy },
  pricingTable: { name: 'components.pricing_table.enabled', control: 'boolean', table: policy },
  buyButton: { name: 'components.buy_button.enabled', control: 'boolean', table: policy },
  redisplay: { name: 'payment_method_redisplay', control: 'inline-radio', options: toggle, table: features, if: whenPaymentElement },
  redisplayLimit: {
    name: 'payment_method_redisplay_limit',
    description: 'Stripe accepts 1 to 10; try 0 or 11 to see the server reject it.',
    control: { type: 'range', min: 0, max: 11, step: 1 },
    table: features,
    if: whenPaymentElement,
  },
  allowRedisplayFilters: {
    name: 'payment_method_allow_redisplay_filters',
    control: 'inline-check',
    options: ['always', 'limited', 'unspecified'],
    table: features,
    if: whenPaymentElement,
  },
  save: { name: 'payment_method_save', control: 'inline-radio', options: toggle, table: features, if: whenPaymentElement },
  saveUsage: {
    name: 'payment_method_save_usage',
    description: 'Required when `payment_method_save` is enabled.',
    control: 'inline-radio',
    options: ['unset', 'off_session', 'on_session'],
    table: features,
    if: whenPaymentElement,
  },
  remove: { name: 'payment_method_remove', control: 'inline-radio', options: toggle, table: features, if: whenPaymentElement },
  savedCards: {
    name: "customer's saved cards",
    description: '12 mixed: 5 `always`, 4 `limited`, 3 `unspecified`, interleaved.',
    control: 'inline-radio',
    options: ['none', '12 always', '12 mixed'],
    table: { category: 'Customer' },
  },
  showPaymentElement: { name: 'render Payment Element', control: 'boolean', table: page },
  showPricingTable: { name: 'render pricing table', control: 'boolean', table: page },
  showBuyButton: { name: 'render buy button', control: 'boolean', table: page },
  serverRendered: {
    name: 'server-rendered',
    description: "Sessions created while the server rendered the page (`createCustomerSessions`), passed as `initialSession` (the provider's) and `initialSessions` (one per element shown).",
    control: 'boolean',
    table: page,
  },
  endpointBehaviour: {
    name: 'endpoint behaviour',
    control: 'select',
    options: ['live', 'pending', 'server-error', 'stripe-error', 'html-page'],
    table: endpoint,
  },
  sessionTtlSeconds: {
    name: 'session lifetime (s)',
    description: "The emulator's expires_at − created. Stripe's is 1800.",
    control: { type: 'number', min: 2, max: 1800 },
    table: endpoint,
  },
  refreshMarginSeconds: { name: 'refreshMarginMs (s)', control: { type: 'number', min: 0, max: 600 }, table: endpoint },
  refreshDelayMs: { name: 'refresh answer delay (ms)', control: { type: 'number', min: 0, max: 10000, step: 100 }, table: endpoint },
};

/** The server policy the args describe: all three components listed, features only where the Payment Element is on. */
export function policyFromArgs(args: StorefrontArgs): CustomerSessionComponentsParams {
  const features: PaymentElementFeaturesParams = {
    payment_method_redisplay: args.redisplay,
    payment_method_redisplay_limit: args.redisplayLimit,
    payment_method_allow_redisplay_filters: args.allowRedisplayFilters,
    payment_method_save: args.save,
    payment_method_remove: args.remove,
  };
  if (args.saveUsage !== 'unset') features.payment_method_save_usage = args.saveUsage;
  return {
    payment_element: args.paymentElement ? { enabled: true, features } : { enabled: false },
    pricing_table: { enabled: args.pricingTable },
    buy_button: { enabled: args.buyButton },
  };
}

export function backendOptionsFromArgs(args: StorefrontArgs): StoryBackendOptions {
  return {
    policy: policyFromArgs(args),
    behaviour: args.endpointBehaviour,
    sessionTtlSeconds: args.sessionTtlSeconds,
    refreshDelayMs: args.refreshDelayMs,
    savedCards: savedCardsFromPreset(args.savedCards),
  };
}

/**
 * What the page's server render asks `createCustomerSessions` for: the provider's own session (the whole
 * policy, as the provider asks with no `components`), then one per customer-aware element it renders.
 */
export function serverRenderedSessions(args: StorefrontArgs): ComponentName[][] {
  const elements: Array<[boolean, ComponentName]> = [
    [args.showPaymentElement && args.paymentElement, 'payment_element'],
    [args.showPricingTable && args.pricingTable, 'pricing_table'],
    [args.showBuyButton && args.buyButton, 'buy_button'],
  ];
  return [[], ...elements.filter(([rendered]) => rendered).map(([, name]) => [name])];
}

/** The storefront controls hidden, for a component's own page where its props lead. */
export const hiddenStorefrontArgTypes: Partial<ArgTypes<StorefrontArgs>> = Object.fromEntries(
  Object.keys(defaultStorefrontArgs).map((key) => [key, { table: { disable: true } }]),
);
