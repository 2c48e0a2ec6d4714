/**
 * @module
 * The proxy was started with options that would make it unsafe or unusable (a non-URL upstream, plain http to a
 * remote host, a non-loopback bind address…). The message says what to change; it never contains the API key.
 */
export class ProxyConfigError extends Error {
  override name = 'ProxyConfigError'
}
