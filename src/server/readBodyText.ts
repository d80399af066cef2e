import { EndpointError } from './EndpointError';

function tooLarge(maxBytes: number): EndpointError {
  return new EndpointError(413, {
    type: 'invalid_request_error',
    message: `The request body is larger than the ${maxBytes} bytes this endpoint accepts.`,
  });
}

function tooSlow(timeoutMs: number): EndpointError {
  return new EndpointError(408, {
    type: 'invalid_request_error',
    message: `The request body did not arrive within ${timeoutMs} ms.`,
  });
}

/**
 * Reads the request body as UTF-8 text, refusing with 413 once it passes `maxBytes`, whether
 * Content-Length says so up front or the streamed bytes do (Content-Length can be absent or lie), and
 * with 408 when it has not all arrived `timeoutMs` after reading began (a slow sender holds a
 * connection, and everything the server allotted to it, for as long as it is let).
 */
export async function readBodyText(request: Request, maxBytes: number, timeoutMs: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (request.body === null) return '';

  const reader = request.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(tooSlow(timeoutMs)), timeoutMs);
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    // Stop pulling from the client; nothing more of this body will be read.
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
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
