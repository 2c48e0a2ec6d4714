/**
 * @module
 * The one node:http ↔ fetch adapter: runs a fetch handler (`(Request) → Response`) behind node:http. The mock's
 * msw handlers, the standalone proxy and the proxy in the Vite dev server all go through it.
 *
 * - The raw `req.url` is handed to the handler untouched (`info.rawUrl`), so it can refuse `..` and `%2e%2e`
 *   before any URL parser resolves them away; the Request URL is the server's own origin plus that raw target
 *   (concatenated, so a raw `//other-host/…` stays a path on this origin).
 * - The body is streamed both ways. When the handler stops reading a body (it was too large), the rest is
 *   drained and discarded up to a bound, then the connection is closed, so the client still gets the answer.
 * - A client that goes away aborts `request.signal`. A handler that throws gives a 500 JSON answer with no
 *   details; a body that fails after the status was sent destroys the connection, so the client sees a failure,
 *   never a short 200.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface FetchInfo {
  /** the request target exactly as received: path and query */
  rawUrl: string
}

/** A fetch handler; `undefined` means "not mine" (answered with `notFound`). */
export type FetchHandler = (request: Request, info: FetchInfo) => Promise<Response | undefined> | Response | undefined

/** fetch's `Request` refuses CONNECT, TRACE and TRACK; none is an API method. */
const FETCH_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])

/** How much of a body the handler left unread is drained (and discarded) before the connection is closed. */
export const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024

const json = (status: number, message: string, headers: Record<string, string> = {}): Response =>
  Response.json({ success: false, message }, { status, headers })

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers()
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? ''
    if (name.startsWith(':')) continue
    try {
      headers.append(name, req.rawHeaders[i + 1] ?? '')
    } catch {
      // a header fetch cannot carry (a control character in a value): left out rather than failing the request
    }
  }
  return headers
}

/** Reads and discards what is left of `req`, up to DRAIN_LIMIT_BYTES, then closes the connection. */
export function discardBody(req: IncomingMessage): void {
  if (req.complete) return
  let drained = 0
  req.removeAllListeners('data')
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length
    if (drained > DRAIN_LIMIT_BYTES) req.socket.destroy()
  })
  req.resume()
}

/** `req`'s body as a web stream that pauses the socket when the reader falls behind. */
export function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let closed = false
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          if (closed) return
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          if ((controller.desiredSize ?? 0) <= 0) req.pause()
        })
        req.on('end', () => {
          if (!closed) controller.close()
          closed = true
        })
        req.on('error', (error) => {
          if (!closed) controller.error(error)
          closed = true
        })
        req.on('aborted', () => {
          if (!closed) controller.error(new Error('the client closed the connection'))
          closed = true
        })
      },
      pull() {
        req.resume()
      },
      cancel() {
        closed = true
        discardBody(req)
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  )
}

/**
 * Writes `response` into `res`: status (and reason), headers (repeated ones as lists), then the body. A body that
 * arrives whole in its first chunk (every JSON answer) goes out with a Content-Length; a longer one is streamed.
 */
export async function writeResponse(res: ServerResponse, response: Response, head: boolean): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of response.headers) {
    const previous = headers[name]
    headers[name] = previous === undefined ? value : [...[previous].flat(), value]
  }
  const setCookie = response.headers.getSetCookie()
  if (setCookie.length > 1) headers['set-cookie'] = setCookie
  const writeHead = (): void => {
    if (response.statusText === '') res.writeHead(response.status, headers)
    else res.writeHead(response.status, response.statusText, headers)
  }
  if (response.body === null) {
    writeHead()
    res.end()
    return
  }
  const reader = response.body.getReader()
  let first: ReadableStreamReadResult<Uint8Array>
  let second: ReadableStreamReadResult<Uint8Array> | typeof STILL_FLOWING
  let secondRead: Promise<ReadableStreamReadResult<Uint8Array>> | undefined
  try {
    first = await reader.read()
    // whole already (a body built from a string)? Then it gets a Content-Length. A stream still flowing is not
    // waited for: its first chunk goes out at once.
    secondRead = first.done ? undefined : reader.read()
    secondRead?.catch(() => undefined)
    second = secondRead === undefined ? first : await Promise.race([secondRead, nextTurn()])
  } catch {
    // the body failed before anything went out: a clear failure instead of the status the handler chose
    res.writeHead(502, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ success: false, message: "The answer's body could not be read, so it is not passed on." }))
    return
  }
  if (second !== STILL_FLOWING && second.done) {
    const body = first.done ? new Uint8Array(0) : first.value
    headers['content-length'] = String(body.byteLength)
    writeHead()
    res.end(head ? undefined : body)
    return
  }
  writeHead()
  if (head) {
    void reader.cancel().catch(() => undefined)
    res.end()
    return
  }
  try {
    if (!first.done) res.write(first.value)
    let next = second === STILL_FLOWING ? await (secondRead as Promise<ReadableStreamReadResult<Uint8Array>>) : second
    while (!next.done) {
      if (!res.write(next.value)) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve))
      if (res.destroyed) {
        void reader.cancel().catch(() => undefined)
        return
      }
      next = await reader.read()
    }
    res.end()
  } catch {
    // the body failed after the status went out: the client must see a broken answer, not a short one
    res.destroy()
  }
}

const STILL_FLOWING = Symbol('still flowing')
const nextTurn = (): Promise<typeof STILL_FLOWING> => new Promise((resolve) => setImmediate(resolve, STILL_FLOWING))

/**
 * Serves one request with `handler`. `base` is the server's own origin (never the client's Host header, which
 * only the handler judges). Never throws.
 */
export async function serveFetch(handler: FetchHandler, req: IncomingMessage, res: ServerResponse, base: string, notFound?: () => Response): Promise<void> {
  const rawUrl = req.url ?? '/'
  const method = (req.method ?? 'GET').toUpperCase()
  const abort = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) abort.abort()
  })
  try {
    if (!FETCH_METHODS.has(method)) {
      discardBody(req)
      return await writeResponse(res, json(405, `Method ${method.slice(0, 20)} is not served; use GET, POST, PUT or DELETE.`, { allow: 'GET, POST, PUT, DELETE, OPTIONS' }), false)
    }
    const hasBody = method !== 'GET' && method !== 'HEAD'
    const request = new Request(`${base}${rawUrl.startsWith('/') ? '' : '/'}${rawUrl}`, {
      method,
      headers: toHeaders(req),
      signal: abort.signal,
      ...(hasBody ? { body: bodyStream(req), duplex: 'half' } : {}),
    } as RequestInit)
    const response =
      (await handler(request, { rawUrl })) ?? notFound?.() ?? json(404, `Nothing is served at ${method} ${rawUrl.slice(0, 200)}.`)
    if (response.type === 'error') {
      req.socket.destroy()
      return
    }
    await writeResponse(res, response, method === 'HEAD')
  } catch {
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ success: false, message: 'The server failed unexpectedly while handling this request; please report it.' }))
    } else {
      res.destroy()
    }
  }
}
