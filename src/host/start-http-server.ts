/**
 * @module
 * The node:http server shell the standalone mock and the proxy share: listen, close, and the protocol edge cases
 * node:http leaves to the application, each answered as Loops-shaped JSON (`{"success":false,"message"}`):
 *
 * - malformed HTTP → 400 (a request line and headers over the header limit → 431); when a valid request on the
 *   same connection is still being answered, its answer goes out first and the error after it;
 * - `CONNECT` → 405; an `Expect` other than `100-continue` → 417;
 * - a client that disconnects is no error: nothing is printed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'

export interface HttpServerOptions {
  /** 0 picks a free port */
  port: number
  host: string
  onRequest(req: IncomingMessage, res: ServerResponse, origin: string): void
  /** extra headers on the server's own error answers (e.g. the proxy's `x-loops-proxy`) */
  errorHeaders?: (reason: 'malformed' | 'method' | 'expect') => Record<string, string>
}

export interface RunningHttpServer {
  /** e.g. http://127.0.0.1:4010 */
  url: string
  port: number
  /** the bound address, as the OS reports it */
  address: AddressInfo
  server: Server
  close(): Promise<void>
}

/** A complete HTTP/1.1 answer written straight to a socket (where node:http gives no response object). */
export function rawJsonAnswer(status: number, reason: string, message: string, headers: Record<string, string> = {}): string {
  const body = JSON.stringify({ success: false, message })
  const lines = [
    `HTTP/1.1 ${status} ${reason}`,
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    'connection: close',
  ]
  return `${lines.join('\r\n')}\r\n\r\n${body}`
}

/** The response a socket is still writing, if any (set while a request on it is being answered). */
const inFlight = new WeakMap<Socket, ServerResponse>()

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const extra = options.errorHeaders ?? (() => ({}))
  let origin = ''
  const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
    const socket = req.socket
    inFlight.set(socket, res)
    res.once('close', () => {
      if (inFlight.get(socket) === res) inFlight.delete(socket)
    })
    options.onRequest(req, res, origin)
  })
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const code = error.code ?? ''
    // the client went away (or idled out): nobody to answer, nothing to report
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_HTTP_REQUEST_TIMEOUT' || !socket.writable) return void socket.destroy()
    const answer =
      code === 'HPE_HEADER_OVERFLOW'
        ? rawJsonAnswer(431, 'Request Header Fields Too Large', 'The request line and headers are larger than the server reads (16 KB). Loops requests are small; send a shorter path and fewer headers.', extra('malformed'))
        : rawJsonAnswer(400, 'Bad Request', `Malformed HTTP request (${code || 'parse error'}); send HTTP/1.1 with CRLF line endings and a valid request line, headers and body framing.`, extra('malformed'))
    const pending = inFlight.get(socket as Socket)
    const send = (): void => {
      if (socket.writable) socket.end(answer)
      else socket.destroy()
    }
    // a valid request pipelined before the garbage is still being answered: its answer first
    if (pending && !pending.writableFinished) pending.once('finish', send).once('close', () => socket.destroy())
    else send()
  })
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy())
    socket.end(rawJsonAnswer(405, 'Method Not Allowed', 'CONNECT is not served: this is an HTTP API, not a tunnel. Use GET, POST, PUT or DELETE.', { allow: 'GET, POST, PUT, DELETE, OPTIONS', ...extra('method') }))
  })
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const body = JSON.stringify({ success: false, message: `Expect: ${String(req.headers.expect).slice(0, 100)} is not supported; send the request without it (or with Expect: 100-continue).` })
    res.writeHead(417, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close', ...extra('expect') })
    res.end(body)
    req.resume()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const bound = address.family === 'IPv6' ? `[${address.address}]` : address.address
  origin = `http://${bound}:${address.port}`
  return {
    url: origin,
    port: address.port,
    address,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
