import type { LoopsError } from './errors/loops-error.ts'
import type { SendOutcome } from './send-outcome.ts'

/** Why an attempt is retried. */
export type RetryReason = 'rate-limited' | 'server-error' | 'network-error' | 'timeout'

/**
 * What the sender reports while it works, in order, for the playground's log and the command line's progress.
 * `index` is the event's position in the results passed to `send`; `at` is the clock's time (epoch ms).
 */
export type SenderEvent =
  /** Every result, when `send` starts. */
  | { type: 'queued'; index: number; total: number; at: number }
  /** A request leaves (after the rate limiter released it). */
  | { type: 'attempt'; index: number; attempt: number; method: string; url: string; idempotencyKey?: string; at: number }
  /** Loops answered (any status). `rateLimit` echoes `x-ratelimit-limit` / `x-ratelimit-remaining`. */
  | {
      type: 'response'
      index: number
      attempt: number
      status: number
      durationMs: number
      message?: string
      rateLimit?: { limit?: number; remaining?: number }
      at: number
    }
  /** The attempt failed in a retryable way; the next one starts after `delayMs` (and the rate limiter). */
  | { type: 'retry'; index: number; attempt: number; delayMs: number; reason: RetryReason; status?: number; error: LoopsError; at: number }
  /** Every send waits `ms`: Loops said 429, or `x-ratelimit-remaining` reached 0. */
  | { type: 'paused'; ms: number; reason: 'rate-limited' | 'window-spent'; at: number }
  /** Loops lowered the rate: its `x-ratelimit-limit` is below the configured rate. */
  | { type: 'rate-lowered'; limit: number; at: number }
  /** 401/403: the key is wrong or revoked. Reported once; every event not yet sent ends `not-sent`. */
  | { type: 'key-rejected'; status: number; message: string; at: number }
  /** The event's one outcome. */
  | { type: 'outcome'; index: number; outcome: SendOutcome; at: number }

export type SenderEventType = SenderEvent['type']
