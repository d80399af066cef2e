/**
 * JSON response that no cache may keep: the body is either a single-use client secret or an error
 * about one, and both belong to one signed-in user.
 */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...headers,
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
    },
  });
}
