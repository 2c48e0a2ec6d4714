import { describe, expect, it } from 'vitest'
import { decide, defaultRetryOptions, NetworkError, TimeoutError, type Answer, type DecideContext, type DeliveryState } from '../../src/core/index.ts'

const line = { method: 'POST', path: '/api/v1/events/send' }
const ctx: DecideContext = { line, safeToRepeat: true, retry: defaultRetryOptions, now: Date.UTC(2026, 0, 1), limit: 10, oursInWindow: 0 }
const response = (status: number, headers: Record<string, string> = {}, message = 'msg'): Answer => ({ kind: 'response', status, headers: new Headers(headers), message })
const refusedCause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })
const refused = (): Answer => ({ kind: 'no-answer', error: new NetworkError(line, new TypeError('fetch failed', { cause: refusedCause })) })
const dropped = (): Answer => ({ kind: 'no-answer', error: new NetworkError(line, new TypeError('fetch failed')) })
const timedOut = (): Answer => ({ kind: 'no-answer', error: new TimeoutError(line, 5000) })
const first: DeliveryState = { attempt: 1, unclear: false, refused: 0 }

type Row = [name: string, answer: Answer, state: DeliveryState, context: Partial<DecideContext>, expected: Record<string, unknown>]

const rows: Row[] = [
  ['a 200 is delivered', response(200), first, {}, { kind: 'done', outcome: { status: 'delivered', attempts: 1, httpStatus: 200 } }],
  ['a 409 on a first attempt is a duplicate', response(409), first, {}, { kind: 'done', outcome: { status: 'duplicate', attempts: 1, httpStatus: 409 } }],
  ['a 409 after an unclear attempt is delivered by this run', response(409), { attempt: 2, unclear: true, refused: 0 }, {}, { kind: 'done', outcome: { status: 'delivered', confirmedByIdempotency: true } }],
  ['a 401 fails the event and rejects the key', response(401, {}, 'Invalid API key'), first, {}, { kind: 'done', outcome: { status: 'failed', code: 'api-key' }, rejectKey: { status: 401, message: 'Invalid API key' } }],
  ['a 403 rejects the key too', response(403), first, {}, { kind: 'done', outcome: { code: 'api-key' }, rejectKey: { status: 403 } }],
  ['a 400 is rejected without a retry', response(400, {}, 'Invalid email address.'), first, {}, { kind: 'done', outcome: { status: 'failed', code: 'rejected', httpStatus: 400 } }],
  ['a 404 is rejected without a retry', response(404), first, {}, { kind: 'done', outcome: { code: 'rejected' } }],
  ['a 429 is retried after its Retry-After', response(429, { 'retry-after': '2' }), first, {}, { kind: 'retry', reason: 'rate-limited', status: 429, retryAfterMs: 2000 }],
  ['a 429 is retried even for a POST without a key', response(429), first, { safeToRepeat: false }, { kind: 'retry', reason: 'rate-limited' }],
  ['a 429 asking longer than maxRetryAfter fails', response(429, { 'retry-after': '120' }), first, {}, { kind: 'done', outcome: { code: 'retries-exhausted', httpStatus: 429 } }],
  ['a 500 is retried as a server error', response(500), first, {}, { kind: 'retry', reason: 'server-error', status: 500 }],
  ['a 408 is retried as a server error', response(408), first, {}, { kind: 'retry', reason: 'server-error' }],
  ['a 502 on the last attempt gives up', response(502), { attempt: 6, unclear: true, refused: 0 }, {}, { kind: 'done', outcome: { code: 'retries-exhausted', attempts: 6 } }],
  ['a 500 for a POST without a key is not retried', response(500), first, { safeToRepeat: false }, { kind: 'done', outcome: { code: 'unsafe-retry' } }],
  ['a dropped connection is retried', dropped(), first, {}, { kind: 'retry', reason: 'network-error' }],
  ['a timeout is retried', timedOut(), first, {}, { kind: 'retry', reason: 'timeout' }],
  ['a refused connection is retried while refused attempts remain', refused(), { attempt: 2, unclear: true, refused: 1 }, {}, { kind: 'retry', reason: 'network-error' }],
  ['the third refused connection stops the run', refused(), { attempt: 3, unclear: true, refused: 2 }, {}, { kind: 'done', refusedTarget: true, outcome: { code: 'retries-exhausted', attempts: 3 } }],
  ['refusedAttempts: 1 stops at the first refusal', refused(), first, { retry: { ...defaultRetryOptions, refusedAttempts: 1 } }, { kind: 'done', refusedTarget: true }],
]

describe('decide', () => {
  for (const [name, answer, state, context, expected] of rows) {
    it(name, () => {
      expect(decide(answer as Exclude<Answer, { kind: 'cancelled' }>, state, { ...ctx, ...context }).step).toMatchObject(expected)
    })
  }

  it('marks the delivery unclear after a 5xx or no answer, not after a 429', () => {
    expect(decide(response(503) as never, first, ctx).state.unclear).toBe(true)
    expect(decide(dropped() as never, first, ctx).state.unclear).toBe(true)
    expect(decide(response(429) as never, first, ctx).state.unclear).toBe(false)
  })

  it('counts refused attempts only', () => {
    expect(decide(refused() as never, first, ctx).state.refused).toBe(1)
    expect(decide(dropped() as never, first, ctx).state.refused).toBe(0)
  })

  it('asks to lower the limit and to wait out a window spent by another client', () => {
    const { effects } = decide(response(200, { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0' }) as never, first, { ...ctx, oursInWindow: 1 })
    expect(effects).toEqual({ lowerLimit: 5, pause: { ms: 1000, reason: 'window-spent' } })
  })

  it('does not pause when our own requests spent the window', () => {
    const { effects } = decide(response(200, { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0' }) as never, first, { ...ctx, oursInWindow: 10 })
    expect(effects).toEqual({})
  })

  it('holds every send for a 429, capped at maxRetryAfter, and counts it', () => {
    expect(decide(response(429) as never, first, ctx).effects).toEqual({ rateLimited: true, pause: { ms: 1000, reason: 'rate-limited' } })
    expect(decide(response(429, { 'retry-after': '120' }) as never, first, ctx).effects.pause).toEqual({ ms: 60_000, reason: 'rate-limited' })
  })
})
