import type { Answer } from './attempt-once.ts'
import { ApiKeyError } from './errors/api-key-error.ts'
import type { LoopsError } from './errors/loops-error.ts'
import { LoopsHttpError, type RequestLine } from './errors/loops-http-error.ts'
import { RateLimitError } from './errors/rate-limit-error.ts'
import { isConnectionRefused } from './is-connection-refused.ts'
import { parseRetryAfter } from './parse-retry-after.ts'
import { readRateLimit } from './read-rate-limit.ts'
import type { RetryOptions } from './retry-options.ts'
import type { RetryReason } from './sender-events.ts'
import type { SendOutcome } from './send-outcome.ts'

/** How long to hold every send when Loops says 429 without `Retry-After`, or `x-ratelimit-remaining: 0`. */
export const WINDOW_MS = 1000

/** What one event's delivery knows between attempts. */
export interface DeliveryState {
  /** Attempts made so far (the one that just answered included). */
  attempt: number
  /** An earlier attempt of this run may have reached Loops (no answer, or a 5xx). */
  unclear: boolean
  /** Attempts the target refused (ECONNREFUSED). */
  refused: number
  lastError?: LoopsError
}

/** The facts of the answer's moment that `decide` needs besides the answer. */
export interface DecideContext {
  line: RequestLine
  /** false for a POST without an Idempotency-Key: repeating it after an unclear answer could deliver twice. */
  safeToRepeat: boolean
  retry: RetryOptions
  /** The clock's time when the answer arrived. */
  now: number
  /** The rate limiter's current limit. */
  limit: number
  /** How many of our requests the limiter released in the interval before this attempt started. */
  oursInWindow: number
}

/** What the loop does besides the next step: slow down, hold every send, count a 429. */
export interface Effects {
  lowerLimit?: number
  pause?: { ms: number; reason: 'rate-limited' | 'window-spent' }
  rateLimited?: true
}

/** The next step for the event. */
export type Step =
  /** The event has its outcome. `rejectKey`: stop the run (401/403); `refusedTarget`: stop the run (nothing listens). */
  | { kind: 'done'; outcome: SendOutcome; rejectKey?: { status: number; message: string }; refusedTarget?: true }
  /** Try again after the backoff (at least `retryAfterMs` when Loops asked). */
  | { kind: 'retry'; reason: RetryReason; error: LoopsError; status?: number; retryAfterMs?: number }

export interface Decision {
  step: Step
  state: DeliveryState
  effects: Effects
}

/**
 * Decides what follows one attempt's answer (`response` or `no-answer`; `cancelled` never reaches here). Pure:
 * no clock, no randomness, no I/O; the delivery loop carries out the effects and the step.
 *
 * - 2xx: delivered. 409: delivered when an earlier attempt was unclear (our own request reached Loops), else a
 *   duplicate. 401/403: the key is rejected (stops the run). Other 4xx except 408/429: rejected, not retried.
 * - 429, 408, 5xx and no answer: retried while attempts remain, the request is safe to repeat (429 always is),
 *   and Loops asked to wait no longer than `retry.maxRetryAfter`; a target that refuses the connection gets
 *   `retry.refusedAttempts` attempts, then stops the run.
 */
export function decide(answer: Exclude<Answer, { kind: 'cancelled' }>, state: DeliveryState, ctx: DecideContext): Decision {
  const { attempt } = state
  const effects: Effects = {}
  const done = (outcome: SendOutcome, extra: Partial<Extract<Step, { kind: 'done' }>> = {}): Decision => ({
    step: { kind: 'done', outcome, ...extra },
    state,
    effects,
  })

  let reason: RetryReason
  let retryAfterMs: number | undefined
  let status: number | undefined
  let next: DeliveryState
  if (answer.kind === 'no-answer') {
    reason = answer.error.name === 'TimeoutError' ? 'timeout' : 'network-error'
    const refused = isConnectionRefused(answer.error.cause) ? state.refused + 1 : state.refused
    next = { attempt, unclear: true, refused, lastError: answer.error }
    if (refused > state.refused && refused >= ctx.retry.refusedAttempts) {
      return {
        step: {
          kind: 'done',
          refusedTarget: true,
          outcome: { status: 'failed', attempts: attempt, code: 'retries-exhausted', reason: `gave up after ${attempt} attempts, ${refused} refused by the target (nothing listens there; is the server running?): ${answer.error.message}`, error: answer.error },
        },
        state: next,
        effects,
      }
    }
  } else {
    status = answer.status
    const rateLimit = readRateLimit(answer.headers)
    if (rateLimit?.limit !== undefined && rateLimit.limit < ctx.limit) effects.lowerLimit = rateLimit.limit
    // The window is spent. When our own requests spent it (`limit` of ours went out in the interval before this
    // one), the limiter's spacing already keeps the next one out of it; when fewer of ours did, another client
    // of the team shares the limit: wait for a new window.
    if (rateLimit?.remaining === 0 && status !== 429 && ctx.oursInWindow < ctx.limit) effects.pause = { ms: WINDOW_MS, reason: 'window-spent' }
    if (status >= 200 && status < 300) return done({ status: 'delivered', attempts: attempt, httpStatus: status })
    if (status === 409) {
      return done(
        state.unclear
          ? { status: 'delivered', attempts: attempt, httpStatus: status, confirmedByIdempotency: true }
          : { status: 'duplicate', attempts: attempt, httpStatus: status, reason: `already delivered: ${answer.message}` },
      )
    }
    if (status === 401 || status === 403) {
      const error = new ApiKeyError(status, answer.message, ctx.line)
      return done({ status: 'failed', attempts: attempt, code: 'api-key', reason: error.message, httpStatus: status, error }, { rejectKey: { status, message: answer.message } })
    }
    if (status === 429) {
      effects.rateLimited = true
      retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), ctx.now)
      // never hold the whole queue longer than a retry would wait: a longer Retry-After fails this event below
      effects.pause = { ms: Math.min(retryAfterMs ?? WINDOW_MS, ctx.retry.maxRetryAfter), reason: 'rate-limited' }
      reason = 'rate-limited'
      next = { ...state, lastError: new RateLimitError(answer.message, ctx.line, rateLimit?.limit, retryAfterMs) }
    } else if (status === 408 || status >= 500) {
      reason = 'server-error'
      next = { ...state, unclear: true, lastError: new LoopsHttpError(status, answer.message, ctx.line, 'Loops or a proxy had a problem') }
    } else {
      const error = new LoopsHttpError(status, answer.message, ctx.line)
      return done({ status: 'failed', attempts: attempt, code: 'rejected', reason: error.message, httpStatus: status, error })
    }
  }

  const failed = (code: 'retries-exhausted' | 'unsafe-retry', why: string): Decision => ({
    step: {
      kind: 'done',
      outcome: {
        status: 'failed',
        attempts: attempt,
        code,
        reason: `${why}: ${next.lastError?.message ?? reason}`,
        ...(status !== undefined ? { httpStatus: status } : {}),
        ...(next.lastError ? { error: next.lastError } : {}),
      },
    },
    state: next,
    effects,
  })
  if (reason !== 'rate-limited' && !ctx.safeToRepeat) return failed('unsafe-retry', 'not retried (a POST without Idempotency-Key could deliver twice)')
  if (attempt >= ctx.retry.maxAttempts) return failed('retries-exhausted', `gave up after ${attempt} attempts`)
  if (retryAfterMs !== undefined && retryAfterMs > ctx.retry.maxRetryAfter) {
    return failed('retries-exhausted', `Loops asked to wait ${Math.ceil(retryAfterMs / 1000)} s, more than retry.maxRetryAfter`)
  }
  const error = next.lastError ?? new LoopsHttpError(status ?? 0, reason, ctx.line)
  return {
    step: { kind: 'retry', reason, error, ...(status !== undefined ? { status } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
    state: next,
    effects,
  }
}
