import type { MockAnswer } from './mock-request.ts'

/** The CORS headers real Loops responses carry (observed), plus what a browser needs to read the rate limit. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Credentials': 'true',
  'Access-Control-Allow-Methods': 'GET,OPTIONS,PATCH,DELETE,POST,PUT',
  'Access-Control-Expose-Headers': 'x-ratelimit-limit, x-ratelimit-remaining, retry-after',
}

const lower = (headers: Readonly<Record<string, string>>): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value
  return out
}
const CORS_LOWER = lower(CORS_HEADERS)

/** The answer to a CORS preflight (OPTIONS): no auth, no rate limit. */
export const preflight = (): MockAnswer => ({
  status: 204,
  headers: {
    ...CORS_LOWER,
    'access-control-allow-headers': 'Authorization, Content-Type, Idempotency-Key',
    'access-control-max-age': '86400',
  },
  body: null,
})

/**
 * A JSON answer with Loops' CORS headers (a 204 carries no body). Header names are lower-case (as fetch's
 * `Headers` prints them), so the HTTP server and msw send the same bytes; `headers` may override any of them.
 */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): MockAnswer {
  if (status === 204) return { status, headers: { ...CORS_LOWER, ...lower(headers) }, body: null }
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...CORS_LOWER, ...lower(headers) }, body: JSON.stringify(body) }
}

/** `{success:false,message}` JSON. */
export const failAnswer = (status: number, message: string): MockAnswer => jsonAnswer(status, { success: false, message })

/** The same JSON answer as a Fetch `Response`, for the parts of the mock written as fetch handlers. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  // 204 No Content (e.g. Loops' workflow delete) carries no body
  if (status === 204) return new Response(null, { status, headers: { ...CORS_HEADERS, ...headers } })
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...CORS_HEADERS, ...headers },
  })
}
