import type { ComponentName } from '../core/componentNames';
import { EndpointError } from './EndpointError';
import { assertJsonDepth } from './jsonDepth';
import { componentListProblem, sessionsListProblem, unknownComponentMessage } from './sessionBatch';

function invalid(message: string, param?: string): EndpointError {
  return new EndpointError(400, {
    type: 'invalid_request_error',
    ...(param === undefined ? {} : { param }),
    message,
  });
}

/** One session the body asks for. */
export interface RequestedSession {
  /** The component names as sent (checked); `undefined` asks for the whole policy. */
  names: ComponentName[] | undefined;
  /** The param naming `names[index]`, for a refusal that points at one name. */
  param: (index: number) => string;
}

/** What the body asks for: one session (`components`, answered with the session) or a batch (`sessions`). */
export interface RequestedSessions {
  batch: boolean;
  sessions: RequestedSession[];
}

/** Checks that `list` holds component names only; `param` names the list, `elementParam` one of its names. */
function checkedNames(list: unknown, param: string, elementParam: (index: number) => string): ComponentName[] {
  const problem = componentListProblem(list);
  if (problem === 'array') throw invalid(`Invalid array: ${param} must be an array of component names.`, param);
  if (problem !== null) throw invalid(unknownComponentMessage(`${param}[${problem}]`, (list as unknown[])[problem]), elementParam(problem));
  return list as ComponentName[];
}

/**
 * Reads the JSON body text: `{ "components": [...] }` asks for one session (an empty body, `{}`, or
 * `components` null or `[]`: the whole policy); `{ "sessions": [[...], [...]] }` for one session per entry, each entry
 * narrowing the policy as `components` does. Every other member, `customer` and `customer_account`
 * included, is ignored: the customer comes from the server alone.
 */
export function parseRequestedComponents(text: string): RequestedSessions {
  let body: unknown = {};
  if (text.trim() !== '') {
    assertJsonDepth(text);
    try {
      body = JSON.parse(text);
    } catch {
      throw invalid('Invalid JSON in the request body.');
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('The request body must be a JSON object, e.g. {"components": ["payment_element"]}.');
  }
  const { components, sessions } = body as { components?: unknown; sessions?: unknown };
  if (sessions === undefined) {
    // The single form, unchanged: every problem names `components`; duplicates collapse.
    const names = components === undefined || components === null ? [] : [...new Set(checkedNames(components, 'components', () => 'components'))];
    return { batch: false, sessions: [{ names: names.length === 0 ? undefined : names, param: () => 'components' }] };
  }
  if (components !== undefined && components !== null) {
    throw invalid('Send either components (one session) or sessions (one per entry), not both.', 'sessions');
  }
  const problem = sessionsListProblem(sessions);
  if (problem !== null) throw invalid(problem, 'sessions');
  return {
    batch: true,
    sessions: (sessions as unknown[]).map((entry, i) => {
      const param = (index: number) => `sessions[${i}][${index}]`;
      const names = checkedNames(entry, `sessions[${i}]`, param);
      return { names: names.length === 0 ? undefined : names, param };
    }),
  };
}
