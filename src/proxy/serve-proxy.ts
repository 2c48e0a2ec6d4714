/**
 * @module
 * The standalone proxy: a node:http server on a loopback address running {@link createProxy}. The handler is
 * built once the port is known, so `Host` and the proxy's own origin can be checked against the bound port.
 */
import type { Server } from 'node:http'
import { serveFetch } from '../host/serve-fetch.ts'
import { startHttpServer } from '../host/start-http-server.ts'
import { createProxy, type ProxyHandler, type ProxyOptions } from './create-proxy.ts'
import { isLoopbackHost, loopbackHostHeaders, loopbackOrigins, PLAYGROUND_ORIGINS } from './loopback.ts'
import { DEFAULT_UPSTREAM, parseUpstream } from './parse-upstream.ts'
import { checkProxyOptions } from './proxy-options.ts'
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
  checkProxyOptions({ ...options, allowedOrigins: [], allowedHosts: [] })
  const { port: _port, host: _host, allowOrigins = [], ...proxyOptions } = options

  let proxy: ProxyHandler | undefined
  const running = await startHttpServer({
    port,
    host,
    // the raw target goes to the handler as info.rawUrl: the path guard sees it before any URL parser
    onRequest: (req, res, origin) => void serveFetch(async (request, info) => proxy?.(request, info), req, res, origin),
    errorHeaders: (reason) => ({ 'x-loops-proxy': reason }),
  })
  const { address } = running
  const allowedOrigins = [...new Set([...PLAYGROUND_ORIGINS, ...loopbackOrigins(address.port, address.address), ...allowOrigins])]
  try {
    proxy = createProxy({ ...proxyOptions, allowedOrigins, allowedHosts: loopbackHostHeaders(address.port, address.address) })
    return { url: running.url, allowedOrigins, server: running.server, close: running.close }
  } catch (error) {
    await running.close()
    throw error
  }
}
