import type { MockAnswer } from './mock-request.ts'

/** The CORS headers real Loops responses carry (observed), plus what a browser needs to read the rate limit. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-credentials': 'true',
  'access-control-allow-methods': 'GET,OPTIONS,PATCH,DELETE,POST,PUT',
  'access-control-expose-headers': 'x-ratelimit-limit, x-ratelimit-remaining, retry-after',
}

/** The answer to a CORS preflight (OPTIONS): no auth, no rate limit. */
export const preflight = (): MockAnswer => ({
  status: 204,
  headers: {
    ...CORS_HEADERS,
    'access-control-allow-headers': 'Authorization, Content-Type, Idempotency-Key',
    'access-control-max-age': '86400',
  },
  body: null,
})

/**
 * A JSON answer with Loops' CORS headers. Header names are lower-case (as fetch's `Headers` prints them), so the
 * HTTP server and msw send the same bytes; `headers` may override any of them.
 */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): MockAnswer {
  const out: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...CORS_HEADERS }
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value
  return { status, headers: out, body: JSON.stringify(body) }
}

/** `{success:false,message}` JSON. */
export const failAnswer = (status: number, message: string): MockAnswer => jsonAnswer(status, { success: false, message })
