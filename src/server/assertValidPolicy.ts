import type { CustomerSessionComponentsParams } from '../core/types';
import { validateCustomerSessionParams } from '../params/validateCustomerSessionParams';
import { enabledComponents } from './enabledComponents';

/**
 * Checks the server's component policy with the same rules Stripe applies, so a bad policy fails
 * at startup rather than on the first visitor. Throws a TypeError naming every offending param.
 */
export function assertValidPolicy(components: CustomerSessionComponentsParams, caller = 'createCustomerSessionHandler'): void {
  // The validator wants a whole create request; the customer here is a placeholder, only components are judged.
  const issues = validateCustomerSessionParams({ components, customer: 'cus_policy_check' }).filter(
    (issue) => issue.param === 'components' || issue.param.startsWith('components['),
  );
  if (issues.length === 0 && enabledComponents(components).length === 0) {
    // The validator reads form strings too ("true"); a policy must say `enabled: true` itself.
    issues.push({ param: 'components', code: 'parameter_invalid_boolean', message: 'No component has enabled: true.' });
  }
  if (issues.length === 0) return;
  const lines = issues.map((issue) => `  ${issue.param}: ${issue.message}`);
  throw new TypeError(`${caller}: invalid components policy\n${lines.join('\n')}`);
}
