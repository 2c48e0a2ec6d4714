import type { MapResult } from '../mapper/map-result.ts'
import { attemptOnce, prepareAttempt, type FetchLike, type PreparedAttempt } from './attempt-once.ts'
import type { Clock } from './clock.ts'
import { decide, type DeliveryState, type Effects } from './decide.ts'
import type { RequestLine } from './errors/loops-http-error.ts'
import { readRateLimit } from './read-rate-limit.ts'
import type { RateLimiter } from './rate-limiter.ts'
import { retryDelay } from './retry-delay.ts'
import type { RetryOptions } from './retry-options.ts'
import type { SenderEvent } from './sender-events.ts'
import type { SendOutcome } from './send-outcome.ts'

/** Why the run stopped sending: Loops rejected the key, or the target refused connections. */
export type RunStop = { kind: 'key'; status: number; message: string } | { kind: 'refused'; url: string }

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
  /** `signal`, and also aborted when the run stops: for waits that a stop must cut short. */
  waitSignal: AbortSignal
  emit(event: SenderEvent): void
  counters: { retries: number; rateLimited: number }
  /** Set once the run must not send any more (a rejected key, a target that refuses connections). */
  runStopped(): RunStop | undefined
  stopRun(stop: RunStop): void
}

/** Takes one map result to its one outcome: `decide` chooses each step, this loop carries it out. Never throws. */
export async function deliverResult(ctx: DeliveryContext, index: number, result: MapResult): Promise<SendOutcome> {
  if (result.status === 'skipped') return { status: 'skipped', attempts: 0, reason: result.reason ?? 'skipped by the mapper' }
  const request = result.request
  if (result.status === 'invalid' || !request) {
    const errors = result.issues.filter((i) => i.severity === 'error').map((i) => `${i.path}: ${i.message}`)
    return { status: 'failed', attempts: 0, code: 'invalid', reason: `not sent: the mapper marked it invalid${errors.length > 0 ? ` (${errors.join('; ')})` : ''}` }
  }
  const { clock, emit } = ctx
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
  let state: DeliveryState = { attempt: 0, unclear: false, refused: 0 }
  const stop = (): SendOutcome | undefined => stopped(ctx, state.attempt, state.unclear, idempotencyKey)

  for (;;) {
    const before = stop()
    if (before) return before
    let prepared: PreparedAttempt
    try {
      prepared = prepareAttempt(url, init)
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error)
      const safe = ctx.apiKey === undefined ? why : why.split(ctx.apiKey).join('[API key]')
      return { status: 'failed', attempts: 0, code: 'invalid', reason: `not sent: the request cannot be built (${safe})` }
    }
    const waited = await ctx.limiter.acquire(ctx.waitSignal).then(() => true, () => false)
    const early = stop() ?? (waited ? undefined : cancelled(state.attempt, state.unclear, idempotencyKey))
    if (early) return early

    const attempt = state.attempt + 1
    const startedAt = clock.now()
    emit({ type: 'attempt', index, attempt, method: request.method, url, ...(idempotencyKey !== undefined ? { idempotencyKey } : {}), at: startedAt })
    const answer = await attemptOnce({ fetch: ctx.fetch, clock, attempt: prepared, line, timeout: ctx.timeout, signal: ctx.signal })
    if (answer.kind === 'cancelled') return cancelled(attempt, true, idempotencyKey)
    const now = clock.now()
    if (answer.kind === 'response') {
      const rateLimit = readRateLimit(answer.headers)
      emit({ type: 'response', index, attempt, status: answer.status, durationMs: now - startedAt, ...(answer.status >= 400 ? { message: answer.message } : {}), ...(rateLimit ? { rateLimit } : {}), at: now })
    }
    const decision = decide(answer, { ...state, attempt }, {
      line,
      safeToRepeat,
      retry: ctx.retry,
      now,
      limit: ctx.limiter.limit,
      oursInWindow: ctx.limiter.releasedSince(startedAt - ctx.limiter.interval),
    })
    state = decision.state
    apply(ctx, decision.effects, now)
    const step = decision.step
    if (step.kind === 'done') {
      if (step.rejectKey) ctx.stopRun({ kind: 'key', ...step.rejectKey })
      if (step.refusedTarget) ctx.stopRun({ kind: 'refused', url })
      return step.outcome
    }
    const delayMs = retryDelay(attempt, ctx.retry, ctx.random, step.retryAfterMs)
    ctx.counters.retries++
    emit({ type: 'retry', index, attempt, delayMs, reason: step.reason, ...(step.status !== undefined ? { status: step.status } : {}), error: step.error, at: clock.now() })
    const slept = await clock.sleep(delayMs, ctx.waitSignal).then(() => true, () => false)
    if (!slept) return stop() ?? cancelled(attempt, state.unclear, idempotencyKey)
  }
}

/** Carries out a decision's effects on the shared limiter, announcing them. */
function apply(ctx: DeliveryContext, effects: Effects, now: number): void {
  if (effects.lowerLimit !== undefined) {
    const before = ctx.limiter.limit
    ctx.limiter.lowerLimit(effects.lowerLimit)
    // the limiter ignores nonsense (0, NaN): announce only a limit it actually took
    if (ctx.limiter.limit !== before) ctx.emit({ type: 'rate-lowered', limit: ctx.limiter.limit, at: now })
  }
  if (effects.pause) {
    ctx.limiter.pause(effects.pause.ms)
    ctx.emit({ type: 'paused', ms: effects.pause.ms, reason: effects.pause.reason, at: ctx.clock.now() })
  }
  if (effects.rateLimited) ctx.counters.rateLimited++
}

/** The outcome of an event that must not be sent (any more): the run stopped, or the caller aborted. */
function stopped(ctx: DeliveryContext, attempts: number, unclear: boolean, key: string | undefined): SendOutcome | undefined {
  const stop = ctx.runStopped()
  if (!stop) return ctx.signal?.aborted ? cancelled(attempts, unclear, key) : undefined
  const verb = attempts === 0 ? 'not sent' : 'not retried'
  return {
    status: 'failed',
    attempts,
    code: 'not-sent',
    reason:
      stop.kind === 'key'
        ? `${verb}: Loops rejected the API key (${stop.status} ${stop.message}); check the key and send again`
        : `${verb}: ${stop.url} refused the connection (nothing listens there); start the server or fix the target, and send again`,
  }
}

function cancelled(attempts: number, unclear: boolean, key: string | undefined): SendOutcome {
  const reason = !unclear
    ? 'cancelled before it was sent'
    : `cancelled before Loops answered; it may have been delivered${key !== undefined ? ', and sending it again is safe (same Idempotency-Key)' : ''}`
  return { status: 'failed', attempts, code: 'cancelled', reason }
}
