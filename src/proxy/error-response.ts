/** Why the proxy answered by itself; sent as the `x-loops-proxy` header so clients can tell it from Loops. */
export type ProxyRefusal = 'host' | 'origin' | 'method' | 'path' | 'size' | 'timeout' | 'unreachable' | 'aborted' | 'malformed' | 'expect' | 'upstream'

/**
 * A Loops-shaped error from the proxy itself: `{"success":false,"message":"…"}`, so every client (the official
 * SDK included) shows the message, plus `x-loops-proxy: <reason>`. Messages say what happened and what to do,
 * and never contain the API key.
 */
export function errorResponse(status: number, reason: ProxyRefusal, message: string, headers?: HeadersInit): Response {
  const response = Response.json({ success: false, message }, { status })
  if (headers) for (const [name, value] of new Headers(headers)) response.headers.set(name, value)
  response.headers.set('x-loops-proxy', reason)
  return response
}
