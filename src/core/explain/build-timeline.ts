import type { SenderEvent } from '../sender/sender-events.ts'

/** How an attempt ended, for its colour. */
export type AttemptClass = 'ok' | 'duplicate' | 'rate-limited' | 'server-error' | 'rejected' | 'network' | 'pending'

export interface TimelineAttempt {
  index: number
  attempt: number
  /** ms since the run started, on the sender's clock */
  start: number
  end: number
  status?: number
  class: AttemptClass
}

/** A wait the run made: `spacing` (the rate limiter), `backoff` (a retry's delay) or `paused` (Retry-After / window spent). */
export interface TimelineWait {
  index?: number
  start: number
  end: number
  kind: 'spacing' | 'backoff' | 'paused'
  reason: string
}

export interface TimelinePoint {
  at: number
  value: number
}

/** A picture of one send on the sender's clock: attempts, waits, the rate-limit budget and the queue depth. */
export interface Timeline {
  startedAt: number
  durationMs: number
  total: number
  attempts: TimelineAttempt[]
  waits: TimelineWait[]
  /** `x-ratelimit-remaining` as each answer reported it */
  budget: TimelinePoint[]
  limit?: number
  /** events that have neither an outcome nor a request in flight */
  queue: TimelinePoint[]
  outcomes: Record<string, number>
}

export function classOf(status: number | undefined): AttemptClass {
  if (status === undefined) return 'network'
  if (status === 409) return 'duplicate'
  if (status === 429) return 'rate-limited'
  if (status >= 500) return 'server-error'
  if (status >= 200 && status < 300) return 'ok'
  return 'rejected'
}

/**
 * Builds the timeline of one send from the sender's events, in the order it emitted them. Pure; linear in the
 * number of events, so a recorded run of any size draws the same picture the run had.
 */
export function buildTimeline(events: readonly SenderEvent[]): Timeline {
  const startedAt = events[0]?.at ?? 0
  const t = (at: number): number => at - startedAt
  const attempts: TimelineAttempt[] = []
  const waits: TimelineWait[] = []
  const budget: TimelinePoint[] = []
  const queue: TimelinePoint[] = []
  const outcomes: Record<string, number> = {}
  const open = new Map<string, TimelineAttempt>()
  /** when each event became free to go again: queued, or the end of its last attempt plus its retry delay */
  const readyAt = new Map<number, { at: number; afterRetry: boolean }>()
  let total = 0
  let limit: number | undefined
  const waiting = new Set<number>()
  let last = 0

  for (const event of events) {
    const at = t(event.at)
    last = Math.max(last, at)
    switch (event.type) {
      case 'queued':
        total = Math.max(total, event.total)
        if (!readyAt.has(event.index)) {
          waiting.add(event.index)
          readyAt.set(event.index, { at, afterRetry: false })
        }
        break
      case 'attempt': {
        const ready = readyAt.get(event.index)
        if (ready && at > ready.at && !ready.afterRetry) waits.push({ index: event.index, start: ready.at, end: at, kind: 'spacing', reason: 'rate limiter' })
        const attempt: TimelineAttempt = { index: event.index, attempt: event.attempt, start: at, end: at, class: 'pending' }
        attempts.push(attempt)
        open.set(`${event.index}:${event.attempt}`, attempt)
        waiting.delete(event.index)
        break
      }
      case 'response': {
        const attempt = open.get(`${event.index}:${event.attempt}`)
        if (attempt) {
          attempt.end = at
          attempt.status = event.status
          attempt.class = classOf(event.status)
          open.delete(`${event.index}:${event.attempt}`)
        }
        if (event.rateLimit?.remaining !== undefined) budget.push({ at, value: event.rateLimit.remaining })
        if (event.rateLimit?.limit !== undefined) limit = event.rateLimit.limit
        break
      }
      case 'retry': {
        const attempt = open.get(`${event.index}:${event.attempt}`)
        if (attempt) {
          attempt.end = at
          if (event.status !== undefined) attempt.status = event.status
          attempt.class = event.reason === 'network-error' || event.reason === 'timeout' ? 'network' : classOf(event.status)
          open.delete(`${event.index}:${event.attempt}`)
        }
        waits.push({ index: event.index, start: at, end: at + event.delayMs, kind: 'backoff', reason: event.reason })
        readyAt.set(event.index, { at: at + event.delayMs, afterRetry: true })
        waiting.add(event.index)
        break
      }
      case 'paused':
        waits.push({ start: at, end: at + event.ms, kind: 'paused', reason: event.reason })
        break
      case 'outcome': {
        const key = event.outcome.status === 'failed' ? `failed:${event.outcome.code}` : event.outcome.status
        outcomes[key] = (outcomes[key] ?? 0) + 1
        waiting.delete(event.index)
        readyAt.delete(event.index)
        break
      }
      default:
        break
    }
    if (queue.at(-1)?.value !== waiting.size) queue.push({ at, value: waiting.size })
  }
  for (const attempt of open.values()) attempt.end = last
  return { startedAt, durationMs: last, total, attempts, waits, budget, ...(limit !== undefined ? { limit } : {}), queue, outcomes }
}
