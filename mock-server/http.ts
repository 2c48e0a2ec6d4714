import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getResponse } from 'msw'
import { CORS_HEADERS } from './cors-headers.ts'
import { createMock } from './create-mock.ts'
import { bodyLimitFor, limitLabel, MAX_BODY_LIMIT_BYTES } from './read-json-body.ts'
import type { Mock, MockOptions } from './types.ts'

export interface MockServer {
  /** e.g. http://127.0.0.1:4010 (the Loops API is under `${url}/api/v1`, the SDK's apiRoot is `${url}/api/`) */
  url: string
  keys: { key: string; team: string }[]
  mock: Mock
  close(): Promise<void>
}

/** how much of an over-limit body is read (and discarded) so the client sees the 413 before the socket closes */
const DRAIN_LIMIT_BYTES = 4 * MAX_BODY_LIMIT_BYTES

function sendJson(res: ServerResponse, status: number, message: string, close = false): void {
  if (res.headersSent) return void res.destroy()
  const body = JSON.stringify({ success: false, message })
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    ...CORS_HEADERS,
    ...(close ? { Connection: 'close' } : {}),
  })
  res.end(body)
}

/** Reads the body, at most the path's limit (bodyLimitFor); `undefined` when it is larger (413 already sent). */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | undefined> {
  const limit = bodyLimitFor((req.url ?? '/').split('?')[0] ?? '/')
  return new Promise((resolve, reject) => {
    const tooLarge = (): void => {
      sendJson(res, 413, `The request body is larger than ${limitLabel(limit)}.`, true)
      let drained = 0
      req.removeAllListeners('data')
      req.on('data', (chunk: Buffer) => {
        drained += chunk.length
        if (drained > DRAIN_LIMIT_BYTES) req.destroy()
      })
      resolve(undefined)
    }
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      tooLarge()
      req.resume()
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge()
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function toHeaders(req: IncomingMessage): Headers {
  const raw = req.rawHeaders
  const pairs: [string, string][] = []
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i] ?? '', raw[i + 1] ?? ''])
  try {
    return new Headers(pairs)
  } catch {
    // some header fetch cannot carry (e.g. a control character in a value): keep the others
    const headers = new Headers()
    for (const [name, value] of pairs) {
      try {
        headers.append(name, value)
      } catch {
        // left out
      }
    }
    return headers
  }
}

function toRequest(req: IncomingMessage, origin: string, body: Buffer | undefined): Request | undefined {
  const method = req.method ?? 'GET'
  try {
    const url = new URL(req.url ?? '/', origin)
    // only path and query: an absolute-form request target (`GET http://other/…`) still lands on this origin
    const target = url.origin === origin ? url : new URL(url.pathname + url.search, origin)
    const hasBody = method !== 'GET' && method !== 'HEAD' && body !== undefined && body.length > 0
    return new Request(target, { method, headers: toHeaders(req), ...(hasBody ? { body: body as Uint8Array<ArrayBuffer> } : {}) })
  } catch {
    return undefined
  }
}

/** One request through msw's `getResponse` (the same handlers setupServer and setupWorker use). */
async function serve(mock: Mock, req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const body = await readBody(req, res)
  if (body === undefined) return
  const request = toRequest(req, origin, body)
  if (!request) return sendJson(res, req.method === 'CONNECT' || req.method === 'TRACE' ? 405 : 400, `Cannot serve ${req.method ?? ''} ${req.url ?? ''}: not a request fetch can represent.`)
  const response = await getResponse(mock.handlers, request)
  if (!response) return sendJson(res, 404, `No route ${request.method} ${new URL(request.url).pathname}. The Loops API is under /api/v1, the mock's control API under /_mock.`)
  if (response.type === 'error') return void req.socket.destroy()
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  const setCookie = response.headers.getSetCookie()
  if (setCookie.length > 0) headers['set-cookie'] = setCookie
  const payload = Buffer.from(await response.arrayBuffer())
  headers['content-length'] = String(payload.length)
  res.writeHead(response.status, headers)
  res.end(req.method === 'HEAD' ? undefined : payload)
}

/** Starts the mock on a real port (port 0 = a free one): curl, the `loops` SDK and browsers can call it. */
export async function startMockServer(options: MockOptions & { port?: number; host?: string } = {}): Promise<MockServer> {
  const { port = 0, host = '127.0.0.1', ...mockOptions } = options
  const mock = createMock(mockOptions)
  await mock.ready
  let origin = `http://${host}`
  const server = createServer((req, res) => {
    serve(mock, req, res, origin).catch((error: unknown) => {
      console.error('loops mock: request failed', error)
      sendJson(res, 500, `The mock failed unexpectedly: ${(error as Error).message}`)
    })
  })
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{"success":false,"message":"Malformed HTTP request."}')
    else socket.destroy()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
  return {
    url: origin,
    keys: mock.keys().map(({ key, team }) => ({ key, team })),
    mock,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
