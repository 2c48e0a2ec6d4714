/**
 * @module
 * The proxy's options and their checks, shared by {@link createProxy}, the node:http server and the Vite plugin.
 */
import { ProxyConfigError } from './proxy-config-error.ts'
import { isHeaderToken } from '../core/index.ts'
import { REDACT_MIN } from './redact.ts'

/** The prefix of every Loops API path the proxy forwards. */
export const API_PREFIX = '/api/v1/'
/** Loops refuses payloads of 4 MB and more; the proxy stops anything above 4 MiB before it leaves the machine. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024
/** Upstream timeout by default: 30 s. */
export const DEFAULT_TIMEOUT_MS = 30_000

export interface ProxyOptions {
  /** Where requests go; an origin. https, or http only on a loopback host. Default `https://app.loops.so`. */
  upstream?: string | URL
  /** The Loops API key to add as `Authorization: Bearer …`; when set, a client's own `Authorization` is ignored. */
  apiKey?: string | undefined
  /** The fetch used to reach the upstream. Default: the global fetch. */
  fetch?: typeof fetch
  /** Upstream timeout in ms (the whole exchange, headers and body). Default 30 000. */
  timeoutMs?: number
  /** Page origins allowed to call the proxy from a browser (exact `scheme://host:port`). */
  allowedOrigins: readonly string[]
  /** `Host` header values the proxy answers to, e.g. `127.0.0.1:8787`. */
  allowedHosts: readonly string[]
  /** A path prefix the proxy is mounted under, stripped before forwarding (e.g. `/__loops_proxy`). Default ''. */
  basePath?: string
  /** Largest request body forwarded, in bytes. Default {@link MAX_BODY_BYTES}. */
  maxBodyBytes?: number
  /** Receives one line per request: method, path (without the query, which may hold an email), status, ms. */
  log?: (line: string) => void
  /** Measures durations for the log. Default `performance`. */
  clock?: { now(): number }
}

/** Extra facts a host adapter knows about the request; `rawUrl` is the path and query exactly as received. */
export interface ProxyRequestInfo {
  rawUrl?: string
}

export type ProxyHandler = (request: Request, info?: ProxyRequestInfo) => Promise<Response>

/** Throws {@link ProxyConfigError} naming the option and what to pass instead. */
export function checkProxyOptions(options: ProxyOptions): void {
  const { timeoutMs, maxBodyBytes, apiKey, basePath } = options
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new ProxyConfigError(`\`timeoutMs\` must be a positive number of milliseconds (got ${timeoutMs})`)
  }
  if (maxBodyBytes !== undefined && !(Number.isInteger(maxBodyBytes) && maxBodyBytes >= 0)) {
    throw new ProxyConfigError(`\`maxBodyBytes\` must be a whole number of bytes (got ${maxBodyBytes})`)
  }
  if (apiKey !== undefined && !isHeaderToken(apiKey)) {
    throw new ProxyConfigError(
      'LOOPS_API_KEY is empty or contains spaces or control characters; copy it again from Loops (Settings → API)',
    )
  }
  if (apiKey !== undefined && apiKey.length < REDACT_MIN) {
    throw new ProxyConfigError(
      `LOOPS_API_KEY is ${apiKey.length} characters long; the proxy needs at least ${REDACT_MIN} to redact it safely ` +
        'from answers and log lines (a shorter string would also match ordinary text). Loops keys are 32 characters: ' +
        'copy yours again from Loops (Settings → API)',
    )
  }
  if (basePath !== undefined && basePath !== '' && !/^\/[\w-]+(?:\/[\w-]+)*$/.test(basePath)) {
    throw new ProxyConfigError(`\`basePath\` must look like /__loops_proxy (got ${basePath})`)
  }
  for (const origin of options.allowedOrigins) {
    let parsed: URL | undefined
    try {
      parsed = new URL(origin)
    } catch {
      parsed = undefined
    }
    if (parsed?.origin !== origin) {
      throw new ProxyConfigError(`allowed origin "${origin}" is not an origin; write it as scheme://host[:port], e.g. http://127.0.0.1:5173`)
    }
  }
}

