import type { ComponentName } from '../../src/core/componentNames';

/**
 * What the storefront asks a session for. The server-rendered page's first session is narrowed to the
 * same list, so it seeds the very query the provider reads.
 */
export const storefrontComponents: ComponentName[] = ['buy_button', 'payment_element', 'pricing_table'];

/**
 * The sessions `/ssr` creates while it renders (`createCustomerSessions`), in the order the page hands
 * them out: the provider's own (its state), then one per customer-aware element the storefront renders,
 * each for its component alone: every panel's secret line (`useComponentSecret`) and its element.
 */
export const serverRenderedSessions: ComponentName[][] = [
  storefrontComponents,
  ['payment_element'], ['payment_element'],
  ['pricing_table'], ['pricing_table'],
  ['buy_button'], ['buy_button'],
];
