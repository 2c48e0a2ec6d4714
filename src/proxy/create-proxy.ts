/**
 * @module
 * The proxy to real Loops as a fetch handler on web standards, in the shape of Hono's `app.fetch`:
 * `(request: Request) => Promise<Response>`. It knows nothing about node:http or Vite; `serve-proxy.ts` and
 * `vite-proxy-plugin.ts` mount it. Tests call it directly with a `Request`.
 *
 * What it guarantees, in the order it checks:
 * 1. `Host` is one of `allowedHosts` (the proxy's own loopback names), else 403: a DNS-rebinding page cannot use it.
 * 2. `Origin`, when present, is one of `allowedOrigins`, else 403: another site open in the user's browser cannot
 *    use it. A cross-site browser request without `Origin` (`Sec-Fetch-Site: cross-site`, e.g. an `<img>`) is 403 too.
 * 3. `OPTIONS` is a CORS preflight, answered here and never forwarded.
 * 4. Only GET, POST, PUT and DELETE (405 otherwise), only paths under `/api/v1/` (404 otherwise), and no raw path
 *    containing `..`, `%2e`, `%2f`, `%5c`, `\` or `//` (400); the target URL must stay on the upstream's origin.
 * 5. Bodies over 4 MiB are refused (413).
 * 6. With `apiKey`, `Authorization: Bearer <apiKey>` replaces the client's; without it the client's is forwarded.
 * 7. Upstream timeout → 504, upstream unreachable → 502, an answer whose body cannot be decoded (a corrupt
 *    content-encoding) → 502, all as `{"success":false,"message"}` JSON. A body that fails after it began
 *    (a timeout mid-body) breaks the client's connection, so the client sees a failure, not a short 200; the log
 *    line, written when the body ends, says `failed mid-body`.
 * 8. The key is never in a response (headers and body are redacted, even if the upstream echoes it), a log line
 *    or an error message.
 */
import { unsafePathToken } from './check-path.ts'
import { errorResponse, type ProxyRefusal } from './error-response.ts'

/** The longest request target (path and query) the proxy forwards; Loops' are short. */
const MAX_TARGET_LENGTH = 8192
import { headersDown, headersUp } from './forward-headers.ts'
import { limitBytes } from './limit-bytes.ts'
import { DEFAULT_UPSTREAM, parseUpstream } from './parse-upstream.ts'
import {
  API_PREFIX,
  checkProxyOptions,
  DEFAULT_TIMEOUT_MS,
  MAX_BODY_BYTES,
  type ProxyHandler,
  type ProxyOptions,
} from './proxy-options.ts'
import { redact, redactStream } from './redact.ts'

export { API_PREFIX, DEFAULT_TIMEOUT_MS, MAX_BODY_BYTES, type ProxyHandler, type ProxyOptions, type ProxyRequestInfo } from './proxy-options.ts'

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const
const ALLOW = [...METHODS, 'OPTIONS'].join(', ')
const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key'
const CORS_EXPOSE_HEADERS = 'x-ratelimit-limit, x-ratelimit-remaining, retry-after'

/** Control characters and anything after 200 characters are cut, so a hostile path cannot forge log lines. */
function printable(text: string): string {
  const clean = text.replace(/\p{Cc}/gu, '?')
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean
}

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause
  if (typeof cause?.code === 'string') return cause.code
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string') return code
  return error instanceof Error ? error.name : 'network error'
}

/** Creates the proxy handler. Throws `ProxyConfigError` for unsafe or malformed options. */
export function createProxy(options: ProxyOptions): ProxyHandler {
  checkProxyOptions(options)
  const upstream = parseUpstream(options.upstream ?? DEFAULT_UPSTREAM)
  const doFetch = options.fetch ?? globalThis.fetch
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES
  const basePath = options.basePath ?? ''
  const apiKey = options.apiKey
  const allowedOrigins = new Set(options.allowedOrigins)
  const allowedHosts = new Set(options.allowedHosts.map((h) => h.toLowerCase()))
  const clock = options.clock ?? performance
  const log = options.log

  return async function proxy(request, info) {
    const started = clock.now()
    const url = new URL(request.url)
    const rawUrl = info?.rawUrl ?? url.pathname + url.search
    const rawPath = rawUrl.replace(/[?#].*$/s, '')
    const method = request.method.toUpperCase()
    const clientAuthorization = request.headers.get('authorization')
    const clientKey = clientAuthorization?.replace(/^Bearer\s+/i, '')
    const secrets = [apiKey, clientKey]

    const origin = request.headers.get('origin')
    const originAllowed = origin !== null && allowedOrigins.has(origin)
    const cors: Record<string, string> = originAllowed
      ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': CORS_EXPOSE_HEADERS, vary: 'Origin' }
      : {}

    const logLine = (status: number, note?: string): void => {
      if (!log) return
      const ms = Math.round(clock.now() - started)
      log(redact(`${method} ${printable(rawPath)} ${status} ${ms}ms${note ? ` (${note})` : ''}`, secrets))
    }
    const finish = (response: Response, note?: string): Response => {
      logLine(response.status, note)
      return response
    }
    const refuse = (status: number, reason: ProxyRefusal, message: string, headers?: Record<string, string>) =>
      finish(errorResponse(status, reason, redact(message, secrets), { ...cors, ...headers }), `refused: ${reason}`)

    // 1. DNS rebinding: the browser sends the attacker's host name here.
    const host = (request.headers.get('host') ?? url.host).toLowerCase()
    if (!allowedHosts.has(host)) {
      return refuse(
        403,
        'host',
        `Refused: the Host header "${printable(host).slice(0, 100)}" is not this proxy's own address ` +
          `(${[...allowedHosts].join(', ')}). The proxy serves only the local user; call it as http://${[...allowedHosts][0] ?? '127.0.0.1'}.`,
      )
    }

    // 2. Another site open in the user's browser.
    if (origin !== null && !originAllowed) {
      return refuse(
        403,
        'origin',
        `Refused: requests from the page at ${printable(origin).slice(0, 100)} are not allowed; only ` +
          `${[...allowedOrigins].join(', ')} may call this proxy. If you trust that page, restart the proxy with ` +
          `--allow-origin ${printable(origin).slice(0, 100)}.`,
      )
    }
    const fetchSite = request.headers.get('sec-fetch-site')
    if (origin === null && fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      return refuse(
        403,
        'origin',
        `Refused: a ${fetchSite} browser request without an Origin header (a link, image or form from another ` +
          `page). Call the proxy with fetch() from the playground.`,
      )
    }

    // 3. CORS preflight, answered locally.
    if (method === 'OPTIONS') {
      const headers: Record<string, string> = { ...cors, allow: ALLOW }
      if (originAllowed) {
        headers['access-control-allow-methods'] = METHODS.join(', ')
        headers['access-control-allow-headers'] = CORS_ALLOW_HEADERS
        headers['access-control-max-age'] = '600'
      }
      return finish(new Response(null, { status: 204, headers }), 'preflight')
    }

    // 4. Method and path.
    if (!(METHODS as readonly string[]).includes(method)) {
      return refuse(405, 'method', `Method ${printable(method)} is not forwarded; Loops uses GET, POST, PUT and DELETE.`, {
        allow: ALLOW,
      })
    }
    if (rawUrl.length > MAX_TARGET_LENGTH) {
      return refuse(414, 'path', `The request path is ${rawUrl.length} characters long; the proxy forwards at most ${MAX_TARGET_LENGTH}. Loops' paths are short: see ${API_PREFIX}….`)
    }
    const token = unsafePathToken(rawUrl)
    if (token !== undefined) {
      return refuse(
        400,
        'path',
        `Refused path: it contains "${token}", which could lead outside ${API_PREFIX} (dot segments, encoded ` +
          `slashes or dots, backslashes and empty segments are never forwarded). Use a plain Loops path such as ` +
          `${API_PREFIX}events/send.`,
      )
    }
    const local = url.pathname
    const path = basePath !== '' && local.startsWith(`${basePath}/`) ? local.slice(basePath.length) : local
    if ((basePath !== '' && path === local) || !path.startsWith(API_PREFIX)) {
      return refuse(
        404,
        'path',
        `The proxy forwards only Loops API paths under ${basePath}${API_PREFIX} (got ${printable(local).slice(0, 100)}). ` +
          `Use it as your Loops base URL: ${basePath}${API_PREFIX}events/send, ${basePath}${API_PREFIX}contacts/find…`,
      )
    }
    const target = new URL(path + url.search, upstream)
    if (target.origin !== upstream.origin || !target.pathname.startsWith(API_PREFIX)) {
      return refuse(400, 'path', `Refused path: it resolves outside ${upstream.origin}${API_PREFIX}.`)
    }

    // 5. Body size.
    const declared = request.headers.get('content-length')
    const tooLarge = `Request body is larger than ${maxBodyBytes} bytes, more than Loops accepts (payloads must be under 4 MB, attachments included); send less.`
    if (declared !== null && !(/^\d+$/.test(declared) && Number(declared) <= maxBodyBytes)) {
      return refuse(413, 'size', tooLarge)
    }
    let exceeded = false
    const body =
      method === 'GET' || request.body === null
        ? null
        : request.body.pipeThrough(limitBytes(maxBodyBytes, () => (exceeded = true)))

    // 6. Forward, with the key.
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = AbortSignal.any([request.signal, timeout])
    let upstreamResponse: Response
    try {
      upstreamResponse = await doFetch(target, {
        method,
        headers: headersUp(request.headers, apiKey),
        body,
        redirect: 'manual',
        signal,
        ...(body === null ? {} : { duplex: 'half' }),
      } as RequestInit)
    } catch (error) {
      // 7. What went wrong, without echoing the error (which could name headers).
      if (exceeded) return refuse(413, 'size', tooLarge)
      if (timeout.aborted) {
        return refuse(
          504,
          'timeout',
          `Loops (${upstream.origin}) did not answer within ${timeoutMs / 1000} s. The request may or may not have ` +
            'been processed; retry it with the same Idempotency-Key, which Loops turns into a 409 if it was.',
        )
      }
      if (request.signal.aborted) return refuse(502, 'aborted', 'The client closed the connection before Loops answered.')
      return refuse(
        502,
        'unreachable',
        `Could not reach Loops at ${upstream.origin} (${printable(errorCode(error))}). Check your network ` +
          `connection, or the --upstream option.`,
      )
    }

    // 8. Back to the client: Loops' headers minus the dropped ones, the body streamed and redacted.
    const headers = headersDown(upstreamResponse.headers, secrets)
    for (const [name, value] of Object.entries(cors)) headers.set(name, value)
    const scrub = redactStream(secrets)
    const status = upstreamResponse.status
    const statusText = redact(upstreamResponse.statusText, secrets)
    const nullBody = status === 204 || status === 205 || status === 304
    if (nullBody) void upstreamResponse.body?.cancel()
    if (nullBody || upstreamResponse.body === null) return finish(new Response(null, { status, statusText, headers }))

    // The first chunk is read before the status goes out: a body that cannot be decoded (a corrupt
    // content-encoding) or that times out before it starts is a 502/504 JSON answer, never an empty 200.
    const reader = (scrub ? upstreamResponse.body.pipeThrough(scrub) : upstreamResponse.body).getReader()
    const why = (error: unknown): string => (timeout.aborted ? 'timeout' : request.signal.aborted ? 'client gone' : printable(errorCode(error)))
    let first: ReadableStreamReadResult<Uint8Array>
    try {
      first = await reader.read()
    } catch (error) {
      if (timeout.aborted) {
        return refuse(504, 'timeout', `Loops (${upstream.origin}) began answering but did not finish within ${timeoutMs / 1000} s. The request may or may not have been processed; retry it with the same Idempotency-Key.`)
      }
      if (request.signal.aborted) return refuse(502, 'aborted', 'The client closed the connection before Loops answered.')
      const encoding = printable(upstreamResponse.headers.get('content-encoding') ?? 'none').slice(0, 40)
      return refuse(
        502,
        'upstream',
        `Loops' answer (status ${status}) could not be decoded (content-encoding: ${encoding}; ${why(error)}), so none of it is passed on. ` +
          'The request may or may not have been processed; retry it with the same Idempotency-Key.',
      )
    }
    // The rest streams; the log line is written when the body ends, and says so if it failed midway (the
    // client then sees a broken connection, not a short 200).
    let logged = false
    const done = (note?: string): void => {
      if (logged) return
      logged = true
      logLine(status, note)
    }
    const downBody = new ReadableStream<Uint8Array>({
      start(controller) {
        if (first.done) {
          controller.close()
          done()
        } else controller.enqueue(first.value)
      },
      async pull(controller) {
        try {
          const next = await reader.read()
          if (next.done) {
            controller.close()
            done()
          } else controller.enqueue(next.value)
        } catch (error) {
          done(`failed mid-body: ${why(error)}`)
          controller.error(error)
        }
      },
      cancel(reason) {
        done('failed mid-body: client gone')
        void reader.cancel(reason).catch(() => undefined)
      },
    })
    return new Response(downBody, { status, statusText, headers })
  }
}
