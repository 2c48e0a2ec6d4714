import type { MapResult } from '../mapper/map-result.ts'
import { attemptOnce, type FetchLike } from './attempt-once.ts'
import type { Clock } from './clock.ts'
import { ApiKeyError } from './errors/api-key-error.ts'
import type { LoopsError } from './errors/loops-error.ts'
import { LoopsHttpError, type RequestLine } from './errors/loops-http-error.ts'
import { RateLimitError } from './errors/rate-limit-error.ts'
import { parseRetryAfter } from './parse-retry-after.ts'
import type { RateLimiter } from './rate-limiter.ts'
import { retryDelay } from './retry-delay.ts'
import type { RetryOptions } from './retry-options.ts'
import type { RetryReason, SenderEvent } from './sender-events.ts'
import type { SendOutcome } from './send-outcome.ts'

/** What one `send` shares between its workers. */
export interface DeliveryContext {
  fetch: FetchLike
  clock: Clock
  baseUrl: string
  apiKey: string | undefined
  limiter: RateLimiter
  retry: RetryOptions
  timeout: number
  random: () => number
  signal: AbortSignal | undefined
  /** `signal`, and also aborted when the key is rejected: for waits that a stop must cut short. */
  waitSignal: AbortSignal
  emit(event: SenderEvent): void
  counters: { retries: number; rateLimited: number }
  keyRejected(): { status: number; message: string } | undefined
  rejectKey(status: number, message: string): void
}

/** How long to hold every send when Loops says 429 without `Retry-After`, or `x-ratelimit-remaining: 0`. */
const WINDOW_MS = 1000

/** Takes one map result to its one outcome. Never throws. */
export async function deliverResult(ctx: DeliveryContext, index: number, result: MapResult): Promise<SendOutcome> {
  if (result.status === 'skipped') return { status: 'skipped', attempts: 0, reason: result.reason ?? 'skipped by the mapper' }
  const request = result.request
  if (result.status === 'invalid' || !request) {
    const errors = result.issues.filter((i) => i.severity === 'error').map((i) => `${i.path}: ${i.message}`)
    const reason = `not sent: the mapper marked it invalid${errors.length > 0 ? ` (${errors.join('; ')})` : ''}`
    return { status: 'failed', attempts: 0, code: 'invalid', reason }
  }
  const { clock, retry, emit } = ctx
  const line: RequestLine = { method: request.method, path: request.path }
  const url = ctx.baseUrl + request.path
  const idempotencyKey = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'idempotency-key')?.[1]
  // POST is not idempotent: retry it after an unclear answer only when Loops can deduplicate it
  const safeToRepeat = request.method !== 'POST' || (idempotencyKey !== undefined && idempotencyKey !== '')
  const init = {
    method: request.method,
    headers: { ...request.headers, ...(ctx.apiKey !== undefined ? { Authorization: `Bearer ${ctx.apiKey}` } : {}) },
    ...(request.method === 'GET' ? {} : { body: JSON.stringify(request.body) }),
  }
  try {
    void new Request(url, init)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    const safe = ctx.apiKey === undefined ? why : why.split(ctx.apiKey).join('[API key]')
    return { status: 'failed', attempts: 0, code: 'invalid', reason: `not sent: the request cannot be built (${safe})` }
  }
  let unclear = false // an earlier attempt of this run may have reached Loops
  let lastError: LoopsError | undefined

  for (let attempt = 1; ; attempt++) {
    const stop = stopped(ctx, attempt - 1, unclear, idempotencyKey)
    if (stop) return stop
    try {
      await ctx.limiter.acquire(ctx.waitSignal)
    } catch {
      return stopped(ctx, attempt - 1, unclear, idempotencyKey) ?? cancelled(attempt - 1, unclear, idempotencyKey)
    }
    const stopAfterWait = stopped(ctx, attempt - 1, unclear, idempotencyKey)
    if (stopAfterWait) return stopAfterWait

    const startedAt = clock.now()
    emit({ type: 'attempt', index, attempt, method: request.method, url, ...(idempotencyKey !== undefined ? { idempotencyKey } : {}), at: startedAt })
    const answer = await attemptOnce({ fetch: ctx.fetch, clock, url, init, line, timeout: ctx.timeout, signal: ctx.signal })
    if (answer.kind === 'cancelled') return cancelled(attempt, true, idempotencyKey)

    let reason: RetryReason
    let retryAfterMs: number | undefined
    let status: number | undefined
    if (answer.kind === 'no-answer') {
      reason = answer.error.name === 'TimeoutError' ? 'timeout' : 'network-error'
      lastError = answer.error
      unclear = true
    } else {
      status = answer.status
      const rateLimit = readRateLimit(answer.headers)
      const now = clock.now()
      emit({
        type: 'response',
        index,
        attempt,
        status,
        durationMs: now - startedAt,
        ...(status >= 400 ? { message: answer.message } : {}),
        ...(rateLimit ? { rateLimit } : {}),
        at: now,
      })
      if (rateLimit?.limit !== undefined && rateLimit.limit < ctx.limiter.limit) {
        const before = ctx.limiter.limit
        ctx.limiter.lowerLimit(rateLimit.limit)
        // the limiter ignores nonsense (0, NaN): announce only a limit it actually took
        if (ctx.limiter.limit !== before) emit({ type: 'rate-lowered', limit: ctx.limiter.limit, at: now })
      }
      // The window is spent. When our own requests spent it (`limit` of ours went out in the interval before this
      // one), the limiter's spacing already keeps the next one out of it; when fewer of ours did, another client
      // of the team shares the limit: wait for a new window.
      const ours = ctx.limiter.releasedSince(startedAt - ctx.limiter.interval)
      if (rateLimit?.remaining === 0 && status !== 429 && ours < ctx.limiter.limit) pause(ctx, WINDOW_MS, 'window-spent')
      if (status >= 200 && status < 300) {
        return { status: 'delivered', attempts: attempt, httpStatus: status }
      }
      if (status === 409) {
        // an earlier attempt of ours reached Loops: delivered by this run, confirmed by the idempotency key
        if (unclear) return { status: 'delivered', attempts: attempt, httpStatus: status, confirmedByIdempotency: true }
        return { status: 'duplicate', attempts: attempt, httpStatus: status, reason: `already delivered: ${answer.message}` }
      }
      if (status === 401 || status === 403) {
        const error = new ApiKeyError(status, answer.message, line)
        ctx.rejectKey(status, answer.message)
        return { status: 'failed', attempts: attempt, code: 'api-key', reason: error.message, httpStatus: status, error }
      }
      if (status === 429) {
        ctx.counters.rateLimited++
        retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), now)
        // never hold the whole queue longer than a retry would wait: a longer Retry-After fails this event below
        pause(ctx, Math.min(retryAfterMs ?? WINDOW_MS, ctx.retry.maxRetryAfter), 'rate-limited')
        reason = 'rate-limited'
        lastError = new RateLimitError(answer.message, line, rateLimit?.limit, retryAfterMs)
      } else if (status === 408 || status >= 500) {
        reason = 'server-error'
        lastError = new LoopsHttpError(status, answer.message, line, 'Loops or a proxy had a problem')
        unclear = true
      } else {
        const error = new LoopsHttpError(status, answer.message, line)
        return { status: 'failed', attempts: attempt, code: 'rejected', reason: error.message, httpStatus: status, error }
      }
    }

    const failed = (code: 'retries-exhausted' | 'unsafe-retry', why: string): SendOutcome => ({
      status: 'failed',
      attempts: attempt,
      code,
      reason: `${why}: ${lastError?.message ?? reason}`,
      ...(status !== undefined ? { httpStatus: status } : {}),
      ...(lastError ? { error: lastError } : {}),
    })
    if (reason !== 'rate-limited' && !safeToRepeat) return failed('unsafe-retry', 'not retried (a POST without Idempotency-Key could deliver twice)')
    if (attempt >= retry.maxAttempts) return failed('retries-exhausted', `gave up after ${attempt} attempts`)
    if (retryAfterMs !== undefined && retryAfterMs > retry.maxRetryAfter) {
      return failed('retries-exhausted', `Loops asked to wait ${Math.ceil(retryAfterMs / 1000)} s, more than retry.maxRetryAfter`)
    }
    const delayMs = retryDelay(attempt, retry, ctx.random, retryAfterMs)
    ctx.counters.retries++
    emit({
      type: 'retry',
      index,
      attempt,
      delayMs,
      reason,
      ...(status !== undefined ? { status } : {}),
      error: lastError ?? new LoopsHttpError(status ?? 0, reason, line),
      at: clock.now(),
    })
    try {
      await clock.sleep(delayMs, ctx.waitSignal)
    } catch {
      return stopped(ctx, attempt, unclear, idempotencyKey) ?? cancelled(attempt, unclear, idempotencyKey)
    }
  }
}

/** The outcome of an event that must not be sent (any more): the key was rejected, or the caller aborted. */
function stopped(ctx: DeliveryContext, attempts: number, unclear: boolean, key: string | undefined): SendOutcome | undefined {
  const rejected = ctx.keyRejected()
  if (!rejected) return ctx.signal?.aborted ? cancelled(attempts, unclear, key) : undefined
  return {
    status: 'failed',
    attempts,
    code: 'not-sent',
    reason: `${attempts === 0 ? 'not sent' : 'not retried'}: Loops rejected the API key (${rejected.status} ${rejected.message}); check the key and send again`,
  }
}

function cancelled(attempts: number, unclear: boolean, key: string | undefined): SendOutcome {
  const reason = !unclear
    ? 'cancelled before it was sent'
    : `cancelled before Loops answered; it may have been delivered${key !== undefined ? ', and sending it again is safe (same Idempotency-Key)' : ''}`
  return { status: 'failed', attempts, code: 'cancelled', reason }
}

function pause(ctx: DeliveryContext, ms: number, reason: 'rate-limited' | 'window-spent'): void {
  ctx.limiter.pause(ms)
  ctx.emit({ type: 'paused', ms, reason, at: ctx.clock.now() })
}

function readRateLimit(headers: Headers): { limit?: number; remaining?: number } | undefined {
  const limit = readInt(headers.get('x-ratelimit-limit'))
  const remaining = readInt(headers.get('x-ratelimit-remaining'))
  if (limit === undefined && remaining === undefined) return undefined
  return { ...(limit !== undefined ? { limit } : {}), ...(remaining !== undefined ? { remaining } : {}) }
}

function readInt(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined
  return Number(value)
}
