import { describe, expect, it } from 'vitest'
import { ApiKeyError, createSender, RateLimitError, type MapResult, type SenderEvent, type SenderOptions } from '../../src/core/index.ts'
import { createFakeClock } from './sender-fake-clock.ts'
import { loopsResponse, readyResult, readyResults, scriptedFetch } from './sender-fixtures.ts'

const ok = (): Response => loopsResponse(200, { success: true })
const dropped = (): Error => new TypeError('fetch failed')

function setup(answers: (() => Response | Error)[], options: Partial<SenderOptions> = {}) {
  const clock = createFakeClock()
  const stub = scriptedFetch(answers)
  const events: SenderEvent[] = []
  const sender = createSender({
    fetch: stub.fetch,
    baseUrl: 'https://loops.test/',
    apiKey: 'key_123',
    clock,
    random: () => 0.5,
    onEvent: (event) => events.push(event),
    ...options,
  })
  return { clock, sender, events, requests: stub.requests }
}

describe('createSender', () => {
  it('sends to baseUrl + path with the Bearer key, the body and the event’s Idempotency-Key', async () => {
    const { sender, requests } = setup([ok])
    const report = await sender.send([readyResult(0)])
    expect(report.outcomes).toEqual([{ status: 'delivered', attempts: 1, httpStatus: 200 }])
    const [request] = requests
    expect(request?.url).toBe('https://loops.test/api/v1/events/send')
    expect(request?.method).toBe('POST')
    expect(request?.headers.get('authorization')).toBe('Bearer key_123')
    expect(request?.headers.get('idempotency-key')).toBe('evt-0')
    expect(await request?.json()).toEqual(readyResult(0).request?.body)
  })

  it('sends no Authorization header without an apiKey, for a proxy that adds it', async () => {
    const { fetch, requests } = scriptedFetch([ok])
    await createSender({ fetch, baseUrl: 'https://proxy.test', clock: createFakeClock() }).send([readyResult(0)])
    expect(requests[0]?.headers.has('authorization')).toBe(false)
  })

  it('retries a 429 after its Retry-After seconds, with the same Idempotency-Key', async () => {
    const { sender, requests, events, clock } = setup([() => loopsResponse(429, { success: false, message: 'Rate limit exceeded' }, { 'Retry-After': '3' }), ok])
    const start = clock.now()
    const report = await sender.send([readyResult(0)])
    expect(report.outcomes[0]).toMatchObject({ status: 'delivered', attempts: 2 })
    expect(report.summary).toMatchObject({ retries: 1, rateLimited: 1 })
    expect(requests.map((r) => r.headers.get('idempotency-key'))).toEqual(['evt-0', 'evt-0'])
    const retry = events.find((e) => e.type === 'retry')
    expect(retry).toMatchObject({ reason: 'rate-limited', delayMs: 3000, status: 429 })
    expect(retry?.type === 'retry' && retry.error).toBeInstanceOf(RateLimitError)
    expect(clock.now() - start).toBeGreaterThanOrEqual(3000)
  })

  it('retries a 429 after a Retry-After given as an HTTP date', async () => {
    const clock = createFakeClock()
    const when = new Date(clock.now() + 7000).toUTCString()
    const { sender, events } = setup([() => loopsResponse(429, { success: false, message: 'Rate limit exceeded' }, { 'Retry-After': when }), ok], { clock })
    await sender.send([readyResult(0)])
    expect(events.find((e) => e.type === 'retry')).toMatchObject({ delayMs: 7000 })
  })

  it('holds every event while Loops rate-limits, not just the one that got the 429', async () => {
    const clock = createFakeClock()
    const start = clock.now()
    const sentAt: number[] = []
    const fetch = async (): Promise<Response> => {
      sentAt.push(clock.now() - start)
      return sentAt.length === 1 ? loopsResponse(429, { success: false, message: 'Rate limit exceeded' }, { 'Retry-After': '2' }) : ok()
    }
    const { sender } = setup([], { fetch, clock, concurrency: 3, rate: 100 })
    const report = await sender.send(readyResults(3))
    expect(report.summary.delivered).toBe(3)
    expect(sentAt).toHaveLength(4)
    expect(sentAt.slice(1).every((t) => t >= 2000)).toBe(true)
  })

  it('retries 5xx and dropped connections with a growing full-jitter backoff', async () => {
    const { sender, events } = setup([() => loopsResponse(500, { success: false, message: 'boom' }), dropped, () => loopsResponse(503, {}), ok])
    const report = await sender.send([readyResult(0)])
    expect(report.outcomes[0]).toMatchObject({ status: 'delivered', attempts: 4 })
    const retries = events.filter((e) => e.type === 'retry')
    expect(retries.map((e) => [e.reason, e.delayMs])).toEqual([
      ['server-error', 250],
      ['network-error', 500],
      ['server-error', 1000],
    ])
  })

  it('gives up after maxAttempts and records the last error as the reason', async () => {
    const { sender, requests } = setup([() => loopsResponse(502, { success: false, message: 'Bad gateway' })], { retry: { maxAttempts: 3 } })
    const report = await sender.send([readyResult(0)])
    expect(requests).toHaveLength(3)
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', code: 'retries-exhausted', attempts: 3, httpStatus: 502 })
    expect(report.outcomes[0]?.status === 'failed' && report.outcomes[0].reason).toMatch(/gave up after 3 attempts: .*status 502: Bad gateway/)
  })

  it('fails instead of stalling when Retry-After is longer than maxRetryAfter', async () => {
    const { sender, requests } = setup([() => loopsResponse(429, {}, { 'Retry-After': '3600' }), ok])
    const report = await sender.send([readyResult(0)])
    expect(requests).toHaveLength(1)
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', code: 'retries-exhausted', httpStatus: 429 })
    expect(report.outcomes[0]?.status === 'failed' && report.outcomes[0].reason).toMatch(/asked to wait 3600 s/)
  })

  it('holds the rest of the queue no longer than maxRetryAfter when Retry-After is longer', async () => {
    const { sender } = setup([() => loopsResponse(429, {}, { 'Retry-After': '3600' }), ok], { concurrency: 1 })
    const report = await sender.send(readyResults(2))
    expect(report.outcomes.map((o) => o.status)).toEqual(['failed', 'delivered'])
    expect(report.summary.elapsedMs).toBeLessThanOrEqual(60_000 + 1_000)
  })

  it('announces a lower rate limit only when the limiter takes it, never for x-ratelimit-limit: 0', async () => {
    const { sender, events } = setup([() => loopsResponse(200, { success: true }, { 'x-ratelimit-limit': '0', 'x-ratelimit-remaining': '0' })])
    await sender.send(readyResults(3))
    expect(events.filter((e) => e.type === 'rate-lowered')).toEqual([])
  })

  it('keeps sending and recording outcomes when an onEvent listener throws', async () => {
    const { sender } = setup([ok], {
      onEvent: () => {
        throw new Error('display broke')
      },
    })
    const report = await sender.send(readyResults(3))
    expect(report.summary.delivered).toBe(3)
  })

  it('does not retry a 400 and reports Loops’ message', async () => {
    const { sender, requests } = setup([() => loopsResponse(400, { success: false, message: 'eventName is missing' }), ok])
    const report = await sender.send([readyResult(0)])
    expect(requests).toHaveLength(1)
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', code: 'rejected', httpStatus: 400 })
    expect(report.outcomes[0]?.status === 'failed' && report.outcomes[0].reason).toContain('eventName is missing')
    expect(report.summary).toMatchObject({ failed: 1, retries: 0 })
  })

  it('stops on a 401, reports it once and records every remaining event as not sent', async () => {
    const { sender, requests, events } = setup([() => loopsResponse(401, { success: false, message: 'Invalid API key', error: 'Invalid API key' }), ok], { concurrency: 1 })
    const report = await sender.send(readyResults(5))
    expect(requests).toHaveLength(1)
    expect(events.filter((e) => e.type === 'key-rejected')).toEqual([{ type: 'key-rejected', status: 401, message: 'Invalid API key', at: expect.any(Number) }])
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', code: 'api-key', httpStatus: 401 })
    expect(report.outcomes[0]?.status === 'failed' && report.outcomes[0].error).toBeInstanceOf(ApiKeyError)
    expect(report.outcomes.slice(1).map((o) => o.status === 'failed' && o.code)).toEqual(['not-sent', 'not-sent', 'not-sent', 'not-sent'])
    expect(report.keyRejected).toEqual({ status: 401, message: 'Invalid API key' })
    expect(JSON.stringify(report.outcomes.map((o) => (o.status === 'failed' ? o.reason : '')))).not.toContain('key_123')
  })

  it('reports a 401 once even when several requests were in flight', async () => {
    const { sender, requests, events } = setup([() => loopsResponse(403, { success: false, message: 'Forbidden' })], { concurrency: 4, rate: 1000 })
    const report = await sender.send(readyResults(20))
    expect(events.filter((e) => e.type === 'key-rejected')).toHaveLength(1)
    expect(requests.length).toBeLessThan(20)
    expect(report.summary.failed).toBe(20)
  })

  it('stops the events waiting for the rate limiter at once when the key is rejected', async () => {
    const { sender, requests, clock } = setup([() => loopsResponse(401, { success: false, message: 'Invalid API key' })], { concurrency: 5, rate: 1 })
    const start = clock.now()
    const report = await sender.send(readyResults(5))
    expect(requests).toHaveLength(1)
    expect(report.summary.elapsedMs).toBeLessThan(1000)
    expect(clock.now() - start).toBeLessThan(1000)
  })

  it('counts a 409 as a duplicate, not a failure', async () => {
    const { sender } = setup([() => loopsResponse(409, { success: false, message: 'Idempotency key already used.' })])
    const report = await sender.send([readyResult(0)])
    expect(report.outcomes[0]).toMatchObject({ status: 'duplicate', attempts: 1, httpStatus: 409 })
    expect(report.summary).toMatchObject({ duplicates: 1, failed: 0, delivered: 0 })
  })

  it('counts a 409 after a dropped attempt as delivered by this run', async () => {
    const { sender } = setup([dropped, () => loopsResponse(409, { success: false, message: 'Idempotency key already used.' })])
    const report = await sender.send([readyResult(0)])
    expect(report.outcomes[0]).toEqual({ status: 'delivered', attempts: 2, httpStatus: 409, confirmedByIdempotency: true })
  })

  it('does not retry a POST without an Idempotency-Key after an unclear answer, but does after a 429', async () => {
    const { sender, requests } = setup([() => loopsResponse(429, {}), () => loopsResponse(500, {}), ok])
    const report = await sender.send([readyResult(0, { key: null })])
    expect(requests).toHaveLength(2)
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', code: 'unsafe-retry', attempts: 2 })
  })

  it('retries a PUT without an Idempotency-Key (an update is idempotent)', async () => {
    const { sender } = setup([dropped, ok])
    const report = await sender.send([readyResult(0, { key: null, method: 'PUT', path: '/api/v1/contacts/update' })])
    expect(report.outcomes[0]).toMatchObject({ status: 'delivered', attempts: 2 })
  })

  it('records skipped and invalid results without sending them', async () => {
    const skipped: MapResult = { status: 'skipped', reason: 'no email or userId', issues: [], source: { index: 1, type: 'track' } }
    const invalid: MapResult = {
      status: 'invalid',
      issues: [{ severity: 'error', path: 'body.eventName', message: 'must not contain ":"' }],
      source: { index: 2, type: 'track' },
    }
    const { sender, requests } = setup([ok])
    const report = await sender.send([readyResult(0), skipped, invalid])
    expect(requests).toHaveLength(1)
    expect(report.outcomes[1]).toEqual({ status: 'skipped', attempts: 0, reason: 'no email or userId' })
    expect(report.outcomes[2]).toMatchObject({ status: 'failed', code: 'invalid', attempts: 0 })
    expect(report.outcomes[2]?.status === 'failed' && report.outcomes[2].reason).toContain('body.eventName: must not contain ":"')
    expect(report.summary).toMatchObject({ total: 3, delivered: 1, skipped: 1, failed: 1 })
  })

  it('fails a request that cannot be built without sending it, and goes on', async () => {
    const { sender, requests } = setup([ok])
    const report = await sender.send([readyResult(0, { key: 'clé-non-ascii-☃' }), readyResult(1)])
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', code: 'invalid', attempts: 0 })
    expect(report.outcomes[1]).toMatchObject({ status: 'delivered' })
    expect(requests).toHaveLength(1)
  })

  it('stops after 3 refused connections and records every other event as not sent', async () => {
    const refusedError = (): Error => new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) })
    const { sender, requests, clock } = setup([refusedError], { concurrency: 1 })
    const start = clock.now()
    const report = await sender.send(readyResults(20))
    expect(requests).toHaveLength(3)
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', code: 'retries-exhausted', attempts: 3 })
    expect(report.outcomes[0]?.status === 'failed' && report.outcomes[0].reason).toMatch(/3 refused by the target.*is the server running/)
    expect(report.outcomes.slice(1).every((o) => o.status === 'failed' && o.code === 'not-sent' && /refused the connection/.test(o.reason))).toBe(true)
    expect(clock.now() - start).toBeLessThan(2000)
  })

  it('bounds the tries against a refused target by refusedAttempts per event in flight', async () => {
    const refusedError = (): Error => new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })
    const { sender, requests } = setup([refusedError], { retry: { refusedAttempts: 2 } })
    const report = await sender.send(readyResults(200))
    expect(requests.length).toBeLessThanOrEqual(2 * 10)
    expect(report.summary.failed).toBe(200)
    expect(report.outcomes.filter((o) => o.status === 'failed' && o.code === 'not-sent').length).toBeGreaterThanOrEqual(190)
  })

  it('keeps retrying other network errors up to maxAttempts', async () => {
    const { sender, requests } = setup([dropped])
    const report = await sender.send([readyResult(0)])
    expect(requests).toHaveLength(6)
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', code: 'retries-exhausted', attempts: 6 })
  })

  it('pauses for a window when x-ratelimit-remaining reaches 0', async () => {
    const clock = createFakeClock()
    const start = clock.now()
    const sentAt: number[] = []
    const fetch = async (): Promise<Response> => {
      sentAt.push(clock.now() - start)
      return sentAt.length === 1 ? loopsResponse(200, { success: true }, { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0' }) : ok()
    }
    const { sender, events } = setup([], { fetch, clock, concurrency: 1 })
    await sender.send(readyResults(2))
    expect(sentAt[1]).toBeGreaterThanOrEqual(1000)
    expect(events.find((e) => e.type === 'paused')).toMatchObject({ reason: 'window-spent', ms: 1000 })
  })

  it('slows down to Loops’ x-ratelimit-limit when it is below the configured rate', async () => {
    const { sender, events } = setup([() => loopsResponse(200, { success: true }, { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4' })], { rate: 20 })
    await sender.send([readyResult(0)])
    expect(sender.limiter.limit).toBe(5)
    expect(events.filter((e) => e.type === 'rate-lowered')).toEqual([{ type: 'rate-lowered', limit: 5, at: expect.any(Number) }])
  })

  it('times out an attempt that gets no answer and retries it', async () => {
    let calls = 0
    const fetch = (request: Request): Promise<Response> =>
      ++calls === 1 ? new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))) : Promise.resolve(ok())
    const { sender, events } = setup([], { fetch, timeout: 5000 })
    const report = await sender.send([readyResult(0)])
    expect(report.outcomes[0]).toMatchObject({ status: 'delivered', attempts: 2 })
    expect(events.find((e) => e.type === 'retry')).toMatchObject({ reason: 'timeout' })
    expect(events.find((e) => e.type === 'retry' && e.error.message.includes('within 5000 ms'))).toBeDefined()
  })

  it('emits queued, attempt, response, retry and outcome events in order', async () => {
    const { sender, events } = setup([() => loopsResponse(500, {}), ok])
    await sender.send([readyResult(0)])
    expect(events.map((e) => e.type)).toEqual(['queued', 'attempt', 'response', 'retry', 'attempt', 'response', 'outcome'])
  })

  it('ends every event with exactly one outcome when cancelled, and sends nothing after the abort', async () => {
    const controller = new AbortController()
    let sent = 0
    const clock = createFakeClock()
    const events: SenderEvent[] = []
    const sender = createSender({
      fetch: async () => {
        if (++sent === 3) controller.abort(new Error('user cancelled'))
        return ok()
      },
      baseUrl: 'https://l.test',
      apiKey: 'k',
      clock,
      concurrency: 2,
      onEvent: (e) => events.push(e),
    })
    const report = await sender.send(readyResults(10), { signal: controller.signal })
    expect(sent).toBe(3)
    expect(report.cancelled).toBe(true)
    expect(report.outcomes).toHaveLength(10)
    expect(events.filter((e) => e.type === 'outcome')).toHaveLength(10)
    expect(report.summary.delivered + report.summary.failed).toBe(10)
    expect(report.outcomes.filter((o) => o.status === 'failed').every((o) => o.status === 'failed' && o.code === 'cancelled')).toBe(true)
  })

  it('rejects options that cannot work with a TypeError naming the option', () => {
    const base = { fetch: async () => ok(), baseUrl: 'https://l.test', apiKey: 'k', clock: createFakeClock() }
    expect(() => createSender({ ...base, baseUrl: 'app.loops.so' })).toThrow(/`baseUrl`/)
    expect(() => createSender({ ...base, apiKey: '' })).toThrow(/`apiKey`/)
    expect(() => createSender({ ...base, apiKey: 'secret key\n' })).toThrow(/`apiKey`/)
    expect(() => createSender({ ...base, apiKey: 'secret key\n' })).not.toThrow(/secret/)
    expect(() => createSender({ ...base, rate: 0 })).toThrow(/`rate`/)
    expect(() => createSender({ ...base, concurrency: 0 })).toThrow(/`concurrency`/)
    expect(() => createSender({ ...base, retry: { maxAttempts: 0 } })).toThrow(/`retry.maxAttempts`/)
    expect(() => createSender({ ...base, retry: { refusedAttempts: 0 } })).toThrow(/`retry.refusedAttempts`/)
  })
})
