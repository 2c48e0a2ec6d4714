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
  /** marks not drawn because the run had more than the builder keeps */
  truncated?: number
}

export function classOf(status: number | undefined): AttemptClass {
  if (status === undefined) return 'network'
  if (status === 409) return 'duplicate'
  if (status === 429) return 'rate-limited'
  if (status >= 500) return 'server-error'
  if (status >= 200 && status < 300) return 'ok'
  return 'rejected'
}

export interface TimelineBuilder {
  add(event: SenderEvent): void
  /** the picture so far (attempts still in flight end at the latest event) */
  timeline(): Timeline
}

/**
 * Builds the timeline of one send from the sender's events as they arrive, without keeping them. Keeps at most
 * `maxMarks` attempt marks and waits (the first ones; `truncated` says how many more there were), so a run of any
 * length is drawn in bounded memory; counts and series cover the whole run.
 */
export function createTimelineBuilder(options: { maxMarks?: number } = {}): TimelineBuilder {
  const maxMarks = options.maxMarks ?? 20_000
  let startedAt: number | undefined
  const attempts: TimelineAttempt[] = []
  const waits: TimelineWait[] = []
  const budget: TimelinePoint[] = []
  const queue: TimelinePoint[] = []
  const outcomes: Record<string, number> = {}
  const open = new Map<string, TimelineAttempt>()
  /** when each waiting event became free to go: queued, or the end of its retry delay */
  const readyAt = new Map<number, { at: number; afterRetry: boolean }>()
  const waiting = new Set<number>()
  let total = 0
  let limit: number | undefined
  let last = 0
  let truncated = 0
  const keepMark = (): boolean => {
    if (attempts.length + waits.length < maxMarks) return true
    truncated++
    return false
  }
  /** budget and queue keep one point per change, thinned to one per 10 ms once they are long */
  const pushPoint = (series: TimelinePoint[], at: number, value: number): void => {
    const previous = series.at(-1)
    if (previous?.value === value) return
    if (previous && series.length > maxMarks / 4 && at - previous.at < 10) previous.value = value
    else series.push({ at, value })
  }

  return {
    add(event) {
      startedAt ??= event.at
      const at = event.at - startedAt
      last = Math.max(last, at)
      if ('index' in event) total = Math.max(total, event.index + 1)
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
          if (ready && at > ready.at && !ready.afterRetry && keepMark()) waits.push({ index: event.index, start: ready.at, end: at, kind: 'spacing', reason: 'rate limiter' })
          readyAt.delete(event.index)
          const attempt: TimelineAttempt = { index: event.index, attempt: event.attempt, start: at, end: at, class: 'pending' }
          if (keepMark()) attempts.push(attempt)
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
          if (event.rateLimit?.remaining !== undefined) pushPoint(budget, at, event.rateLimit.remaining)
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
          if (keepMark()) waits.push({ index: event.index, start: at, end: at + event.delayMs, kind: 'backoff', reason: event.reason })
          readyAt.set(event.index, { at: at + event.delayMs, afterRetry: true })
          waiting.add(event.index)
          break
        }
        case 'paused':
          if (keepMark()) waits.push({ start: at, end: at + event.ms, kind: 'paused', reason: event.reason })
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
      pushPoint(queue, at, waiting.size)
    },
    timeline() {
      for (const attempt of open.values()) attempt.end = last
      return {
        startedAt: startedAt ?? 0,
        durationMs: last,
        total,
        attempts,
        waits,
        budget,
        ...(limit !== undefined ? { limit } : {}),
        queue,
        outcomes,
        ...(truncated > 0 ? { truncated } : {}),
      }
    },
  }
}

/** The timeline of a recorded run (its events in the order the sender emitted them). Pure; linear in the events. */
export function buildTimeline(events: readonly SenderEvent[], options: { maxMarks?: number } = {}): Timeline {
  const builder = createTimelineBuilder(options)
  for (const event of events) builder.add(event)
  return builder.timeline()
}
