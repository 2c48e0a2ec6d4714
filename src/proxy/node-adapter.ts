/**
 * @module
 * Runs a fetch handler behind node:http (the standalone proxy and the Vite dev server's connect middlewares):
 * IncomingMessage → Request with the body streamed (`Readable.toWeb`, `duplex: 'half'`), Response →
 * ServerResponse streamed back (`Readable.fromWeb`). The raw `req.url` is passed on untouched, so the handler can
 * refuse `..` and `%2e%2e` before any URL parser resolves them away.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ProxyHandler } from './create-proxy.ts'

const NODE_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers()
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? ''
    // HTTP/2 pseudo-headers and anything undici refuses are skipped rather than crashing the request
    if (name.startsWith(':')) continue
    try {
      headers.append(name, req.rawHeaders[i + 1] ?? '')
    } catch {
      // an invalid header value: leave it out
    }
  }
  return headers
}

/**
 * Converts `req` to a Request on `base` (the server's own origin, never the client's Host header, which only the
 * handler judges), calls `handler`, and streams its Response into `res`. Never throws: an unexpected handler
 * failure becomes a 500 JSON answer with no details (so nothing can leak), a client that goes away aborts the upstream request.
 */
export async function handleNodeRequest(handler: ProxyHandler, req: IncomingMessage, res: ServerResponse, base: string): Promise<void> {
  const rawUrl = req.url ?? '/'
  const abort = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) abort.abort()
  })
  const method = (req.method ?? 'GET').toUpperCase()
  if (!NODE_METHODS.has(method)) {
    // fetch's Request refuses CONNECT, TRACE and TRACK outright; Loops uses none of them
    res.writeHead(405, { 'content-type': 'application/json', allow: 'GET, POST, PUT, DELETE, OPTIONS', 'x-loops-proxy': 'method' })
    res.end(JSON.stringify({ success: false, message: `Method ${method} is not forwarded; Loops uses GET, POST, PUT and DELETE.` }))
    return
  }
  try {
    const hasBody = method !== 'GET' && method !== 'HEAD'
    // concatenation, not new URL(rawUrl, base): a raw `//other-host/…` must stay a path on our own origin
    const request = new Request(`${base}${rawUrl.startsWith('/') ? '' : '/'}${rawUrl}`, {
      method,
      headers: toHeaders(req),
      signal: abort.signal,
      ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
    } as RequestInit)
    const response = await handler(request, { rawUrl })
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of response.headers) {
      const previous = headers[name]
      headers[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value]
    }
    if (response.statusText === '') res.writeHead(response.status, headers)
    else res.writeHead(response.status, response.statusText, headers)
    if (response.body === null || method === 'HEAD') {
      res.end()
      return
    }
    await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>), res)
  } catch {
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ success: false, message: 'The proxy failed unexpectedly while handling this request; please report it.' }))
    } else {
      res.destroy()
    }
  }
}
