import { isLoopbackHost } from './loopback.ts'
import { ProxyConfigError } from './proxy-config-error.ts'

/** Loops itself. */
export const DEFAULT_UPSTREAM = 'https://app.loops.so'

/**
 * Checks an upstream base: an origin (`https://app.loops.so`), https, or http only on a loopback host (a local
 * mock or a test server). Throws {@link ProxyConfigError} saying what to pass instead.
 */
export function parseUpstream(value: string | URL): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ProxyConfigError(`--upstream "${String(value)}" is not a URL; pass an origin such as ${DEFAULT_UPSTREAM}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ProxyConfigError(`--upstream must be an https:// URL (got ${url.protocol}); pass an origin such as ${DEFAULT_UPSTREAM}`)
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ProxyConfigError(
      `--upstream ${url.origin} is plain http on a remote host, which would send your API key in clear text; ` +
        `use https://, or http:// only for a server on this machine (127.0.0.1, localhost, [::1])`,
    )
  }
  if (url.username !== '' || url.password !== '') {
    throw new ProxyConfigError('--upstream must not contain a user name or password; put the API key in LOOPS_API_KEY')
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw new ProxyConfigError(
      `--upstream must be an origin without a path (got ${url.origin}${url.pathname}${url.search}); the proxy ` +
        `keeps the request's own /api/v1/… path, so pass ${url.origin}`,
    )
  }
  return new URL(url.origin)
}
