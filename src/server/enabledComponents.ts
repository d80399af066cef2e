import { componentNames, type ComponentName } from '../core/componentNames';
import type { CustomerSessionComponentsParams } from '../core/types';

/** The components a policy enables (`enabled: true`), in Stripe's order. */
export function enabledComponents(policy: CustomerSessionComponentsParams): ComponentName[] {
  return componentNames.filter((name) => policy[name]?.enabled === true);
}
