import { EndpointError } from './EndpointError';

/** Deeper than any body this endpoint understands (`{"components": [...]}` is 2 levels), far below any stack limit. */
export const maxJsonDepth = 32;

/**
 * Refuses JSON text nested deeper than `maxJsonDepth` before it is parsed: `JSON.parse` copes, but
 * anything that walks the result recursively (`JSON.stringify`, `structuredClone`, a validator) would
 * overflow the stack on 8 KB of `[`. One pass over the text, skipping string contents.
 */
export function assertJsonDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c /* \ */) index++;
      else if (code === 0x22 /* " */) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b /* [ */ || code === 0x7b /* { */) {
      if (++depth > maxJsonDepth) {
        throw new EndpointError(400, {
          type: 'invalid_request_error',
          message: `The request body nests JSON more than ${maxJsonDepth} levels deep.`,
        });
      }
    } else if (code === 0x5d /* ] */ || code === 0x7d /* } */) {
      depth--;
    }
  }
}
