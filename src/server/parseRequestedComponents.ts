import { componentNames, isComponentName, type ComponentName } from '../core/componentNames';
import { EndpointError } from './EndpointError';
import { assertJsonDepth } from './jsonDepth';

function invalid(message: string, param?: string): EndpointError {
  return new EndpointError(400, {
    type: 'invalid_request_error',
    ...(param === undefined ? {} : { param }),
    message,
  });
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Reads `{ "components": ["payment_element", ...] }` from the JSON body text.
 * Returns the requested names (deduplicated), or `undefined` when the body asks for no narrowing
 * (empty body, no `components`, `null` or `[]`). Every other member, `customer` and
 * `customer_account` included, is ignored: the customer comes from the server alone.
 */
export function parseRequestedComponents(text: string): ComponentName[] | undefined {
  if (text.trim() === '') return undefined;
  assertJsonDepth(text);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid('Invalid JSON in the request body.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('The request body must be a JSON object, e.g. {"components": ["payment_element"]}.');
  }

  const requested = (body as { components?: unknown }).components;
  if (requested === undefined || requested === null) return undefined;
  if (!Array.isArray(requested)) {
    throw invalid('Invalid array: components must be an array of component names.', 'components');
  }
  const names = new Set<ComponentName>();
  requested.forEach((name: unknown, index) => {
    if (!isComponentName(name)) {
      throw invalid(
        `Invalid components[${index}]: ${describe(name)} is not one of ${componentNames.join(', ')}.`,
        'components',
      );
    }
    names.add(name);
  });
  return names.size === 0 ? undefined : [...names];
}
