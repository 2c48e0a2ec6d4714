/**
 * @module
 * The standalone mock's fast path: a node:http request as a {@link MockRequest} and a {@link MockAnswer} written
 * straight back, with no Fetch `Request`/`Response` and no msw in between. The answers are the ones msw's
 * handlers give (test/contract/mock-hosts-identical.test.ts proves it byte for byte).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { bodyStream, discardBody } from '../../src/host/serve-fetch.ts'
import { ClientGoneError, type MockAnswer, type MockRequest } from '../mock-request.ts'

const EMPTY = new Uint8Array(0)

function headerGetter(req: IncomingMessage): MockRequest['headers'] {
  return {
    get(name) {
      const value = req.headers[name.toLowerCase()]
      if (value === undefined) return null
      return Array.isArray(value) ? value.join(', ') : value
    },
  }
}

/** Reads at most `limit` bytes of `req`; past the limit the rest is discarded (and the connection closed after the answer). */
function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) {
    discardBody(req)
    return Promise.resolve(undefined)
  }
  if (req.complete && req.readableLength === 0) return Promise.resolve(EMPTY)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const cleanup = (): void => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onGone)
      req.off('aborted', onGone)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > limit) {
        cleanup()
        discardBody(req)
        resolve(undefined)
      } else chunks.push(chunk)
    }
    const onEnd = (): void => {
      cleanup()
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks))
    }
    const onGone = (): void => {
      cleanup()
      reject(new ClientGoneError('the client closed the connection before the body arrived'))
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onGone)
    req.on('aborted', onGone)
  })
}

/** `req` as the mock reads it; `origin` is the server's own (the client's Host header is not trusted for it). */
export function nodeMockRequest(req: IncomingMessage, origin: string): MockRequest {
  const target = req.url ?? '/'
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    // only path and query: an absolute-form target (`GET http://other/…`) still lands on this origin
    url: target.startsWith('/') ? origin + target : originForm(target, origin),
    headers: headerGetter(req),
    read: (limit) => readBody(req, limit),
    toRequest() {
      const method = (req.method ?? 'GET').toUpperCase()
      const headers = new Headers()
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
        try {
          headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '')
        } catch {
          // a header fetch cannot carry: left out
        }
      }
      const hasBody = method !== 'GET' && method !== 'HEAD'
      return new Request(this.url, { method, headers, ...(hasBody ? { body: bodyStream(req), duplex: 'half' } : {}) } as RequestInit)
    },
  }
}

function originForm(target: string, origin: string): string {
  try {
    const url = new URL(target, origin)
    return origin + url.pathname + url.search
  } catch {
    return `${origin}/${target}`
  }
}

/** Writes `answer` (a drop closes the connection; HEAD gets the headers only). */
export function writeAnswer(req: IncomingMessage, res: ServerResponse, answer: MockAnswer): void {
  if (answer.drop) return void req.socket.destroy()
  const body = answer.body === null ? EMPTY : typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body
  const headers: Record<string, string> = { ...answer.headers }
  if (answer.body !== null || answer.status !== 204) headers['content-length'] = String(body.length)
  res.writeHead(answer.status, headers)
  res.end(req.method === 'HEAD' ? undefined : body)
}
