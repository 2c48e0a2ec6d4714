/** The CORS headers real Loops responses carry (observed), plus what a browser needs to read the rate limit. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Credentials': 'true',
  'Access-Control-Allow-Methods': 'GET,OPTIONS,PATCH,DELETE,POST,PUT',
  'Access-Control-Expose-Headers': 'x-ratelimit-limit, x-ratelimit-remaining, retry-after',
}

/** The answer to a CORS preflight (OPTIONS): no auth, no rate limit. */
export const preflight = (): Response =>
  new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
      'Access-Control-Max-Age': '86400',
    },
  })

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  // 204 No Content (e.g. Loops' workflow delete) carries no body
  if (status === 204) return new Response(null, { status, headers: { ...CORS_HEADERS, ...headers } })
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...CORS_HEADERS, ...headers },
  })
}
