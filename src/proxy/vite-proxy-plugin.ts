/**
 * @module
 * The proxy mounted in the Vite dev server and `vite preview`, for the playground's "Real Loops" target. It is the
 * same handler as `loops-playground proxy` ({@link createProxy}), under a path prefix:
 *
 *   `GET http://127.0.0.1:5173/__loops_proxy/api/v1/api-key` → `GET https://app.loops.so/api/v1/api-key`
 *
 * For vite.config.ts:
 * ```ts
 * import { loopsProxyPlugin } from './src/proxy/vite-proxy-plugin.ts'
 * export default defineConfig({ plugins: [preact(), loopsProxyPlugin()] })
 * ```
 * In the playground, the Loops base URL is `${location.origin}${LOOPS_PROXY_PREFIX}` (import the constant from
 * `src/proxy/proxy-prefix.ts`, which has no Node imports); append `/api/v1/…`. For the official SDK:
 * `loops.apiRoot = `${location.origin}/__loops_proxy/api/``.
 *
 * The key: `LOOPS_API_KEY` from the dev server's environment or its `.env` / `.env.local` files, never a `VITE_`
 * variable (those are compiled into the browser bundle). The plugin refuses to start if `envPrefix` would expose
 * `LOOPS_API_KEY` to the bundle. Without a key, each request's own `Authorization` is forwarded.
 * `LOOPS_PROXY_UPSTREAM` overrides the upstream (default https://app.loops.so; http only for loopback hosts).
 *
 * Here "the playground's origin" is the dev server's own loopback origin (127.0.0.1, localhost or [::1] on its
 * port); `Host` must be one of those names too. Opening the dev server through a LAN address works for the
 * playground but its proxy answers 403: the key is for the local user only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { loadEnv, type Plugin, type ResolvedConfig } from 'vite'
import { createProxy, type ProxyHandler } from './create-proxy.ts'
import { loopbackHostHeaders, loopbackOrigins } from './loopback.ts'
import { serveFetch } from '../host/serve-fetch.ts'
import { DEFAULT_UPSTREAM, parseUpstream } from './parse-upstream.ts'
import { ProxyConfigError } from './proxy-config-error.ts'
import { LOOPS_PROXY_PREFIX } from './proxy-prefix.ts'

export { LOOPS_PROXY_PREFIX }

export interface LoopsProxyPluginOptions {
  /** Path prefix in the dev server. Default {@link LOOPS_PROXY_PREFIX} (`/__loops_proxy`). */
  prefix?: string
  /** Default: `LOOPS_PROXY_UPSTREAM` from the environment, else https://app.loops.so. */
  upstream?: string
  /** Default: `LOOPS_API_KEY` from the dev server's environment (or .env files). */
  apiKey?: string
  /** Extra page origins allowed besides the dev server's own. */
  allowOrigins?: readonly string[]
  /** Upstream timeout in ms. Default 30 000. */
  timeoutMs?: number
  /** One line per request. Default: the Vite logger. */
  log?: (line: string) => void
}

interface NodeServerLike {
  httpServer: { address(): AddressInfo | string | null } | null
  config: ResolvedConfig
  middlewares: { use(fn: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): unknown }
}

/** Mounts the Loops proxy at `/__loops_proxy/api/v1/…` in `vite` and `vite preview`. */
export function loopsProxyPlugin(options: LoopsProxyPluginOptions = {}): Plugin {
  const prefix = options.prefix ?? LOOPS_PROXY_PREFIX
  let apiKey: string | undefined
  let upstream = DEFAULT_UPSTREAM

  const mount = (server: NodeServerLike, fallbackPort: number | undefined): void => {
    const log = options.log ?? ((line: string) => server.config.logger.info(`[loops proxy] ${line}`, { timestamp: true }))
    let cached: { port: number; handler: ProxyHandler } | undefined
    const handlerFor = (port: number): ProxyHandler => {
      if (cached?.port !== port) {
        cached = {
          port,
          handler: createProxy({
            upstream,
            apiKey,
            basePath: prefix,
            allowedHosts: loopbackHostHeaders(port),
            allowedOrigins: [...loopbackOrigins(port), ...(options.allowOrigins ?? [])],
            log,
            ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
          }),
        }
      }
      return cached.handler
    }
    server.middlewares.use((req, res, next) => {
      const url = req.url ?? ''
      if (url !== prefix && !url.startsWith(`${prefix}/`) && !url.startsWith(`${prefix}?`)) return next()
      const address = server.httpServer?.address()
      const port = typeof address === 'object' && address !== null ? address.port : fallbackPort
      if (port === undefined) return next()
      void serveFetch(handlerFor(port), req, res, `http://127.0.0.1:${port}`)
    })
  }

  return {
    name: 'loops-playground:proxy',
    configResolved(config) {
      const env = { ...loadEnv(config.mode, config.envDir, 'LOOPS_'), ...process.env }
      const exposed = [config.envPrefix ?? 'VITE_'].flat().find((p) => p !== undefined && 'LOOPS_API_KEY'.startsWith(p))
      if (exposed !== undefined) {
        throw new ProxyConfigError(
          `envPrefix "${exposed}" would compile LOOPS_API_KEY into the browser bundle; remove it from envPrefix in vite.config.ts`,
        )
      }
      const key = options.apiKey ?? env.LOOPS_API_KEY
      apiKey = key === undefined || key.trim() === '' ? undefined : key.trim()
      upstream = parseUpstream(options.upstream ?? env.LOOPS_PROXY_UPSTREAM ?? DEFAULT_UPSTREAM).origin
    },
    configureServer(server) {
      mount(server, server.config.server.port)
    },
    configurePreviewServer(server) {
      mount(server, server.config.preview.port)
    },
  }
}
