/**
 * @module
 * Which headers cross the proxy. Upwards it is an allow-list: only what Loops reads goes to Loops, so cookies,
 * `Origin`, `Referer`, `X-Forwarded-*`, `Sec-*` and hop-by-hop headers never leave the machine. Downwards it is a
 * deny-list: Loops' own headers (`x-ratelimit-*`, `retry-after`, `content-type`, `etag`…) pass, minus cookies,
 * hop-by-hop headers, the CORS headers (the proxy answers CORS itself) and the encoding headers fetch has undone.
 */
import { redact, redactName } from './redact.ts'

const UP = ['accept', 'accept-language', 'content-type', 'content-length', 'idempotency-key', 'user-agent'] as const

const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'trailers',
  'transfer-encoding',
  'upgrade',
] as const

const DOWN_DROPPED = new Set<string>([...HOP_BY_HOP, 'set-cookie', 'set-cookie2', 'content-encoding', 'content-length', 'alt-svc'])

/**
 * The headers sent to Loops. With `apiKey` the proxy's key replaces whatever `Authorization` the client sent;
 * without it the client's `Authorization` is passed through unchanged.
 */
export function headersUp(incoming: Headers, apiKey: string | undefined): Headers {
  const out = new Headers()
  for (const name of UP) {
    const value = incoming.get(name)
    if (value !== null) out.set(name, value)
  }
  const authorization = apiKey === undefined ? incoming.get('authorization') : `Bearer ${apiKey}`
  if (authorization !== null) out.set('authorization', authorization)
  return out
}

/** The headers sent back to the client: Loops' headers minus the dropped ones, with any secret redacted, in names too. */
export function headersDown(upstream: Headers, secrets: readonly (string | undefined)[]): Headers {
  const named = new Set(
    (upstream.get('connection') ?? '')
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter(Boolean),
  )
  const out = new Headers()
  for (const [name, value] of upstream) {
    if (DOWN_DROPPED.has(name) || named.has(name) || name.startsWith('access-control-')) continue
    out.append(redactName(name, secrets), redact(value, secrets))
  }
  return out
}
