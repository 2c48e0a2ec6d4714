import { jsonAnswer, preflight } from './cors-headers.ts'
import { LoopsRequestError } from './loops-request-error.ts'
import { ClientGoneError, type MockAnswer, type MockRequest } from './mock-request.ts'
import type { MockState } from './mock-state.ts'
import { parseJsonBody, readBodyText } from './read-json-body.ts'
import { fail, type Reply } from './reply.ts'
import type { Route, RouteContext } from './route.ts'
import type { RouteMatch } from './route-table.ts'
import { clip, type LogRecord } from './state/request-log.ts'

const INVALID_KEY = { success: false, message: 'Invalid API key', error: 'Invalid API key' }

/**
 * One /api/v1 request, in Loops' order: CORS preflight, injected faults, auth (401, no rate-limit headers), the
 * team's rate limit (429), method (405), then the route. Every answer is JSON and is written to the request log.
 */
export async function handleApi(state: MockState, match: RouteMatch | undefined, request: MockRequest, url: URL): Promise<MockAnswer> {
  const method = request.method
  if (method === 'OPTIONS') return preflight()
  if (!state.isReady) {
    const seeded = await state.ready.then(() => undefined, (error: unknown) => error as Error)
    if (seeded) return jsonAnswer(503, { success: false, message: `The mock could not load its seed: ${seeded.message}. Fix the seed and restart it.` })
  }
  const entry: LogRecord = {
    at: state.clock.now(),
    method,
    path: url.pathname + url.search,
    status: 0,
    requestText: undefined,
    requestLength: 0,
    responseText: null,
    responseLength: 0,
  }
  const idempotencyKey = request.headers.get('idempotency-key')
  if (idempotencyKey !== null) entry.idempotencyKey = idempotencyKey
  let bodyText: string | undefined
  const finish = (reply: Reply, headers: Record<string, string> = {}): MockAnswer => {
    const answer = jsonAnswer(reply.status, reply.body, { ...headers, ...reply.headers })
    entry.status = reply.status
    log(state, entry, bodyText, answer.body as string | null)
    return answer
  }

  const route = match?.route
  if (!route) return finish(fail(404, `No route ${method} ${url.pathname}. The Loops API lives under /api/v1 (see https://loops.so/docs/api-reference).`))

  const fault = state.faults.match(method, url.pathname)
  if (fault?.latencyMs) await state.sleep(fault.latencyMs)
  if (fault?.drop) {
    log(state, entry, undefined, 'connection dropped (fault injection)')
    return { status: 0, headers: {}, body: null, drop: true }
  }

  const key = /^Bearer +(\S+) *$/i.exec(request.headers.get('authorization') ?? '')?.[1]
  const owner = key === undefined ? undefined : state.keys.get(key)
  if (!owner || owner.revoked) {
    entry.status = 401
    const answer = jsonAnswer(401, INVALID_KEY, { 'content-type': 'application/json' })
    log(state, entry, undefined, answer.body as string | null)
    return answer
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
    return finish(fail(405, `Method ${method} is not allowed on ${url.pathname}; use ${allow}.`), { ...rateHeaders, allow })
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
    // the client went away mid-body: no one to answer; logged as a 400 without a stack trace
    if (error instanceof ClientGoneError) return finish(fail(400, 'The client closed the connection before the request body arrived.'), rateHeaders)
    console.error('loops mock: unexpected error', error)
    return finish(fail(500, `The mock failed unexpectedly: ${(error as Error).message}`), rateHeaders)
  }
}

function log(state: MockState, entry: LogRecord, requestText: string | undefined, responseText: string | null): void {
  if (requestText !== undefined) {
    entry.requestText = clip(requestText)
    entry.requestLength = requestText.length
  }
  if (responseText !== null) {
    entry.responseText = clip(responseText)
    entry.responseLength = responseText.length
  }
  state.log.add(entry)
}
