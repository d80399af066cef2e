import type { ComponentName } from '../core/componentNames';
import type { CustomerSessionComponentsParams } from '../core/types';
import { EndpointError } from './EndpointError';
import { enabledComponents } from './enabledComponents';

/**
 * The policy's components restricted to `requested` (all enabled ones when `undefined`),
 * each with the policy's own features. Asking for a component the policy does not enable is a 400
 * whose param is `param(index)` of the first such name (`components`, or `sessions[2][0]` in a batch).
 */
export function narrowPolicy(
  policy: CustomerSessionComponentsParams,
  requested: readonly ComponentName[] | undefined,
  param: (index: number) => string = () => 'components',
): CustomerSessionComponentsParams {
  const allowed = enabledComponents(policy);
  const first = (requested ?? []).findIndex((name) => !allowed.includes(name));
  if (first !== -1) {
    const outside = new Set((requested ?? []).filter((name) => !allowed.includes(name)));
    throw new EndpointError(400, {
      type: 'invalid_request_error',
      param: param(first),
      message: `This endpoint does not enable ${[...outside].join(', ')}. Allowed components: ${allowed.join(', ')}.`,
    });
  }
  const chosen: CustomerSessionComponentsParams = {};
  for (const name of requested ?? allowed) {
    // structuredClone: the SDK call must never share (or mutate) the policy's objects.
    Object.assign(chosen, { [name]: structuredClone(policy[name]) });
  }
  return chosen;
}
