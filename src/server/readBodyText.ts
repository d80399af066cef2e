import { EndpointError } from './EndpointError';

function tooLarge(maxBytes: number): EndpointError {
  return new EndpointError(413, {
    type: 'invalid_request_error',
    message: `The request body is larger than the ${maxBytes} bytes this endpoint accepts.`,
  });
}

/**
 * Reads the request body as UTF-8 text, refusing with 413 once it passes `maxBytes`, whether
 * Content-Length says so up front or the streamed bytes do (Content-Length can be absent or lie).
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (request.body === null) return '';

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stop pulling from the client; nothing more of this body will be read.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }

  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new EndpointError(400, {
      type: 'invalid_request_error',
      message: 'The request body is not valid UTF-8.',
    });
  }
}
