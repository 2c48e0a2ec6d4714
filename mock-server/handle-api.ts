import { HttpResponse } from 'msw'
import { jsonResponse, preflight } from './cors-headers.ts'
import { LoopsRequestError } from './loops-request-error.ts'
import type { LogRecord, MockState } from './mock-state.ts'
import { parseJsonBody, readBodyText } from './read-json-body.ts'
import { fail, type Reply } from './reply.ts'
import type { Route, RouteContext } from './route.ts'
import type { RouteMatch } from './route-table.ts'
import type { RequestLogEntry } from './types.ts'

const INVALID_KEY = { success: false, message: 'Invalid API key', error: 'Invalid API key' }
const LOG_TEXT_MAX = 4000

/**
 * One /api/v1 request, in Loops' order: CORS preflight, injected faults, auth (401, no rate-limit headers), the
 * team's rate limit (429), method (405), then the route. Every answer is JSON and is written to the request log.
 */
export async function handleApi(state: MockState, match: RouteMatch | undefined, request: Request): Promise<Response> {
  const method = request.method.toUpperCase()
  if (method === 'OPTIONS') return preflight()
  if (!state.isReady) {
    const seeded = await state.ready.then(() => undefined, (error: unknown) => error as Error)
    if (seeded) return jsonResponse(503, { success: false, message: `The mock could not load its seed: ${seeded.message}. Fix the seed and restart it.` })
  }
  const url = new URL(request.url)
  const entry: LogRecord = { at: state.clock.now(), method, path: url.pathname + url.search, status: 0, requestText: undefined, responseBody: null }
  const idempotencyKey = request.headers.get('idempotency-key')
  if (idempotencyKey !== null) entry.idempotencyKey = idempotencyKey
  let bodyText: string | undefined
  const finish = (reply: Reply, headers: Record<string, string> = {}): Response => {
    entry.status = reply.status
    entry.responseBody = reply.body
    entry.requestText = bodyText
    record(state, entry)
    return jsonResponse(reply.status, reply.body, { ...headers, ...reply.headers })
  }

  const route = match?.route
  if (!route) return finish(fail(404, `No route ${method} ${url.pathname}. The Loops API lives under /api/v1 (see https://loops.so/docs/api-reference).`))

  const fault = state.faults.match(method, url.pathname)
  if (fault?.latencyMs) await state.sleep(fault.latencyMs)
  if (fault?.drop) {
    record(state, { ...entry, status: 0, responseBody: 'connection dropped (fault injection)' })
    return HttpResponse.error()
  }

  const key = /^Bearer +(\S+) *$/i.exec(request.headers.get('authorization') ?? '')?.[1]
  const owner = key === undefined ? undefined : state.keys.get(key)
  if (!owner || owner.revoked) {
    entry.status = 401
    entry.responseBody = INVALID_KEY
    record(state, entry)
    return jsonResponse(401, INVALID_KEY, { 'Content-Type': 'application/json' })
  }
  entry.team = owner.team

  if (fault?.status !== undefined) {
    const current = state.limiter.peek(owner.team)
    const headers = { 'x-ratelimit-limit': String(current.limit), 'x-ratelimit-remaining': fault.status === 429 ? '0' : String(current.remaining) }
    return finish(fail(fault.status, fault.status === 429 ? 'Rate limit exceeded' : `Injected fault: status ${fault.status}.`), headers)
  }

  const rate = state.limiter.take(owner.team)
  const rateHeaders = { 'x-ratelimit-limit': String(rate.limit), 'x-ratelimit-remaining': String(rate.remaining) }
  if (!rate.allowed) return finish(fail(429, 'Rate limit exceeded'), rateHeaders)

  const handler = route.methods[method as keyof Route['methods']]
  if (!handler) {
    const allow = Object.keys(route.methods).join(', ')
    return finish(fail(405, `Method ${method} is not allowed on ${url.pathname}; use ${allow}.`), { ...rateHeaders, Allow: allow })
  }

  let body: Promise<Record<string, unknown>> | undefined
  const ctx: RouteContext = {
    state,
    request,
    url,
    team: owner.team,
    params: match?.params ?? {},
    body: () =>
      (body ??= readBodyText(request).then((text) => {
        bodyText = text
        return parseJsonBody(text)
      })),
    bodyText: () => bodyText,
  }
  try {
    return finish(await handler(ctx), rateHeaders)
  } catch (error) {
    if (error instanceof LoopsRequestError) return finish(error.reply, rateHeaders)
    console.error('loops mock: unexpected error', error)
    return finish(fail(500, `The mock failed unexpectedly: ${(error as Error).message}`), rateHeaders)
  }
}

/** A log record as the inspection API shows it: ISO time, the request body parsed when it is JSON. */
export function toLogEntry(entry: LogRecord): RequestLogEntry {
  const { requestText, at, ...rest } = entry
  return { ...rest, at: new Date(at).toISOString(), requestBody: requestText === undefined ? null : forLog(requestText) }
}

function forLog(text: string): unknown {
  if (text.length > LOG_TEXT_MAX) return `${text.slice(0, LOG_TEXT_MAX)}… (${text.length} characters)`
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function record(state: MockState, entry: LogRecord): void {
  state.log.push(entry)
  if (state.log.length > state.logLimit) state.log.splice(0, state.log.length - state.logLimit)
}
