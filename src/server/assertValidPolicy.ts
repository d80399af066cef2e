import type { CustomerSessionComponentsParams } from '../core/types';
import { validateCustomerSessionParams } from '../params/validate';
import { enabledComponents } from './enabledComponents';

/**
 * Checks the server's component policy with the same rules Stripe applies, so a bad policy fails
 * at startup rather than on the first visitor. Throws a TypeError naming every offending param.
 */
export function assertValidPolicy(components: CustomerSessionComponentsParams, caller = 'createCustomerSessionHandler'): void {
  const issues = validateCustomerSessionParams({ components });
  // The validator reads form strings too ("true", as Stripe does); a policy must say `enabled: true` or
  // `false` itself, or a component it meant to enable is silently left out (see `enabledComponents`).
  const valid = issues.length === 0;
  if (valid) {
    for (const [name, component] of Object.entries(components as Record<string, { enabled?: unknown } | undefined>)) {
      if (component !== undefined && typeof component.enabled !== 'boolean') {
        issues.push({ param: `components[${name}][enabled]`, code: 'parameter_invalid_boolean', message: `Must be the boolean true or false in a policy, not ${JSON.stringify(component.enabled)}.` });
      }
    }
  }
  if (valid && enabledComponents(components).length === 0) {
    issues.push({ param: 'components', code: 'parameter_invalid_boolean', message: 'No component has enabled: true.' });
  }
  if (issues.length === 0) return;
  const lines = issues.map((issue) => `  ${issue.param}: ${issue.message}`);
  throw new TypeError(`${caller}: invalid components policy\n${lines.join('\n')}`);
}
