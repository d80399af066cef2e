import type { ComponentName } from '../../src/core/componentNames';

/**
 * What the storefront asks a session for. The server-rendered page narrows `createCustomerSession`
 * to the same list, so its session seeds the very query the provider reads.
 */
export const storefrontComponents: ComponentName[] = ['buy_button', 'payment_element', 'pricing_table'];
