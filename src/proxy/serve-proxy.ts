/**
 * @module
 * The standalone proxy: a node:http server on a loopback address running {@link createProxy}. The handler is
 * built once the port is known, so `Host` and the proxy's own origin can be checked against the bound port.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { createProxy, type ProxyOptions } from './create-proxy.ts'
import { isLoopbackHost, loopbackHostHeaders, loopbackOrigins, PLAYGROUND_ORIGINS } from './loopback.ts'
import { handleNodeRequest } from './node-adapter.ts'
import { DEFAULT_UPSTREAM, parseUpstream } from './parse-upstream.ts'
import { ProxyConfigError } from './proxy-config-error.ts'

export interface ServeProxyOptions extends Omit<ProxyOptions, 'allowedOrigins' | 'allowedHosts' | 'basePath'> {
  /** Port to listen on; 0 picks a free one. Default 8787. */
  port?: number
  /** Loopback address to bind. Default 127.0.0.1; anything not loopback is refused. */
  host?: string
  /** Page origins allowed besides the playground's dev/preview origins and the proxy's own. */
  allowOrigins?: readonly string[]
}

export interface RunningProxy {
  /** The proxy's base URL, e.g. `http://127.0.0.1:8787`; clients append `/api/v1/…`. */
  url: string
  /** Every origin allowed to call it from a browser. */
  allowedOrigins: readonly string[]
  server: Server
  close(): Promise<void>
}

/** Starts the proxy. Rejects with {@link ProxyConfigError} for unsafe options, or the listen error. */
export async function serveProxy(options: ServeProxyOptions = {}): Promise<RunningProxy> {
  const host = options.host ?? '127.0.0.1'
  if (!isLoopbackHost(host)) {
    throw new ProxyConfigError(
      `--host ${host} is not a loopback address; the proxy holds your API key and serves only this machine, ` +
        'so bind it to 127.0.0.1, localhost or ::1',
    )
  }
  const port = options.port ?? 8787
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ProxyConfigError(`--port must be 0–65535 (got ${port})`)
  parseUpstream(options.upstream ?? DEFAULT_UPSTREAM) // fail before binding
  const { port: _port, host: _host, allowOrigins = [], ...proxyOptions } = options

  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined
  const server = createServer((req, res) => handle?.(req, res))
  // CONNECT never reaches the request handler; refuse it rather than drop the socket
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nallow: GET, POST, PUT, DELETE, OPTIONS\r\ncontent-length: 0\r\nconnection: close\r\n\r\n')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const bound = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const allowedOrigins = [...new Set([...PLAYGROUND_ORIGINS, ...loopbackOrigins(address.port, address.address), ...allowOrigins])]
  try {
    const proxy = createProxy({ ...proxyOptions, allowedOrigins, allowedHosts: loopbackHostHeaders(address.port, address.address) })
    const base = `http://${bound}:${address.port}`
    handle = (req, res) => void handleNodeRequest(proxy, req, res, base)
    return {
      url: base,
      allowedOrigins,
      server,
      close: () =>
        new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()))
          server.closeAllConnections()
        }),
    }
  } catch (error) {
    server.close()
    throw error
  }
}
