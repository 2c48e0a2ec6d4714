import { signal } from '@preact/signals'
import type { SenderEvent, SendOutcome } from '../../core/index.ts'

/** The raw HTTP exchange of one attempt, as the page's fetch saw it (the key masked). */
export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body: string }
  response?: { status: number; headers: Record<string, string>; body: string }
  error?: string
  latencyMs: number
}

export interface Attempt {
  n: number
  at: number
  status?: number
  durationMs?: number
  message?: string
  retry?: { delayMs: number; reason: string }
}

export interface LogRow {
  index: number
  /** `#2 track "Order Completed"` */
  call: string
  /** The Loops eventName (or the request path for other requests). */
  name: string
  idempotencyKey?: string
  at: number
  outcome?: SendOutcome
  attempts: Attempt[]
  exchanges: Exchange[]
}

export interface RunNote {
  at: number
  tone: 'info' | 'warning' | 'error'
  text: string
  /** How many times the same thing happened in this Send (one message, counted, never repeated). */
  count?: number
  /** What makes two notes the same message (defaults to the text). */
  key?: string
}

export interface Run {
  id: number
  startedAt: number
  target: string
  rows: LogRow[]
  notes: RunNote[]
  done: boolean
}

/** Every Send, newest first. */
export const runs = signal<Run[]>([])

export function updateRun(id: number, change: (run: Run) => Run): void {
  runs.value = runs.value.map((run) => (run.id === id ? change(run) : run))
}

const updateRow = (run: Run, index: number, change: (row: LogRow) => LogRow): Run => ({
  ...run,
  rows: run.rows.map((row) => (row.index === index ? change(row) : row)),
})

const patchAttempt = (row: LogRow, n: number, patch: Partial<Attempt>): LogRow => ({
  ...row,
  attempts: row.attempts.map((a) => (a.n === n ? { ...a, ...patch } : a)),
})

/** Folds one sender lifecycle event into the run's rows and notes. */
export function applySenderEvent(run: Run, event: SenderEvent): Run {
  switch (event.type) {
    case 'attempt':
      return updateRow(run, event.index, (row) => ({ ...row, attempts: [...row.attempts, { n: event.attempt, at: event.at }] }))
    case 'response':
      return updateRow(run, event.index, (row) =>
        patchAttempt(row, event.attempt, {
          status: event.status,
          durationMs: event.durationMs,
          ...(event.message !== undefined ? { message: event.message } : {}),
        }),
      )
    case 'retry':
      return updateRow(run, event.index, (row) =>
        patchAttempt(row, event.attempt, {
          retry: { delayMs: event.delayMs, reason: event.reason },
          ...(event.status !== undefined ? { status: event.status } : { message: event.error.message }),
        }),
      )
    case 'outcome':
      return updateRow(run, event.index, (row) => ({ ...row, outcome: event.outcome }))
    case 'paused':
      return note(run, event.at, 'warning', event.reason === 'rate-limited'
        ? `Loops answered 429: every send waits ${event.ms} ms.`
        : `The rate-limit window is spent (x-ratelimit-remaining: 0): waiting ${event.ms} ms.`, `paused:${event.reason}`)
    case 'rate-lowered':
      return note(run, event.at, 'warning', `Loops reports a limit of ${event.limit} requests per second: the sender slows down to match.`, 'rate-lowered')
    case 'key-rejected':
      return note(run, event.at, 'error', `The API key was rejected (${event.status}): ${event.message.replace(/[.!]?$/, '.')} Nothing else is sent with this key; check it, or replace it and send again.`)
    case 'queued':
      return run
  }
}

/** Adds a note to the run; the same note again only counts up, so one kind of event gives one message. */
export function note(run: Run, at: number, tone: RunNote['tone'], text: string, key = text): Run {
  const same = run.notes.findIndex((n) => (n.key ?? n.text) === key)
  if (same === -1) return { ...run, notes: [...run.notes, { at, tone, text, ...(key !== text ? { key } : {}) }] }
  return { ...run, notes: run.notes.map((n, i) => (i === same ? { ...n, at, text, count: (n.count ?? 1) + 1 } : n)) }
}
