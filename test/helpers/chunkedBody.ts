/**
 * A request body that hands out `chunk` on every pull, `count` times (endless by default), then
 * closes; `pulls()` says how often the reader asked for more.
 */
export function chunkedBody(chunk: string, count = Infinity): { body: ReadableStream<Uint8Array>; pulls(): number } {
  const bytes = new TextEncoder().encode(chunk);
  let pulls = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulls++ < count) controller.enqueue(bytes);
      else controller.close();
    },
  });
  return { body, pulls: () => pulls };
}
