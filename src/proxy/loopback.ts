/**
 * @module
 * Loopback names: the only hosts the proxy binds to, accepts in `Host`, and allows plain http upstreams on.
 */

/** True for `localhost`, any 127.0.0.0/8 address and `::1` (bracketed or not). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  return host === 'localhost' || host === '::1' || /^127(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(host)
}

/** The `Host` header values a browser sends for a loopback server on `port` (plus `boundHost` when it differs). */
export function loopbackHostHeaders(port: number, boundHost = '127.0.0.1'): string[] {
  const bound = boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost
  return [...new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${bound.toLowerCase()}:${port}`])]
}

/** The origins of pages served by a loopback server on `port`. */
export function loopbackOrigins(port: number, boundHost = '127.0.0.1'): string[] {
  return loopbackHostHeaders(port, boundHost).map((host) => `http://${host}`)
}

/** The playground's dev (5173) and preview (4173) origins: who may call the standalone proxy by default. */
export const PLAYGROUND_ORIGINS: readonly string[] = [
  'http://127.0.0.1:5173',
  'http://localhost:5173',
  'http://127.0.0.1:4173',
  'http://localhost:4173',
]
