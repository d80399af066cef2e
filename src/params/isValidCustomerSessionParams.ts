import type { CustomerSessionCreateParams } from '../core/types';
import { coerceFormParams } from './coerceFormParams';
import { validateCustomerSessionParams } from './validateCustomerSessionParams';

/**
 * Type guard: true when `params` is valid exactly as given. Form strings such as `"true"` are valid
 * on the wire but are not typed params, so a value that coercion would change fails here.
 */
export function isValidCustomerSessionParams(params: unknown): params is CustomerSessionCreateParams {
  return (
    validateCustomerSessionParams(params).length === 0 &&
    JSON.stringify(coerceFormParams(params)) === JSON.stringify(params)
  );
}
