import { signal } from '@preact/signals'
import { createSender, type MapResult } from '../../core/index.ts'
import { applySenderEvent, runs, updateRun, type LogRow, type Run } from '../state/event-log.ts'
import { pageClock } from '../clock/page-clock.ts'
import { recordingFetch } from './recording-fetch.ts'
import { flushSenderEvents, recordSenderEvent } from '../state/send-events.ts'
import { unsentOutcome } from './unsent-outcome.ts'

export interface SendTarget {
  label: string
  baseUrl: string
  apiKey: string
  /** Said at the top of the run, e.g. where the key comes from. */
  note?: string
}

/** true while a Send is running. */
export const sending = signal(false)
let nextRun = 1
let controller: AbortController | undefined

function rowOf(result: MapResult, at: number): LogRow {
  const body = result.request?.body as { eventName?: unknown } | undefined
  const name = typeof body?.eventName === 'string' ? body.eventName : (result.request?.path ?? result.source.event ?? result.source.type)
  const key = result.request?.headers['Idempotency-Key']
  const event = result.source.event !== undefined && result.source.event !== name ? ` ${result.source.event}` : ''
  return { index: result.source.index, call: `#${result.source.index + 1}${event}`, name, ...(key ? { idempotencyKey: key } : {}), at, attempts: [], exchanges: [] }
}

/**
 * Sends every result through the core sender (ready ones go out; skipped and invalid ones are recorded with their
 * reason) and folds its lifecycle events into a new Event log run.
 */
export async function runSend(results: readonly MapResult[], target: SendTarget): Promise<Run | undefined> {
  if (sending.value) return undefined
  const id = nextRun++
  const at = pageClock.now()
  const rows = results.map((result, i) => ({ ...rowOf(result, at), index: i }))
  const notes = target.note ? [{ at, tone: 'info' as const, text: target.note }] : []
  runs.value = [{ id, startedAt: at, target: target.label, rows, notes, done: false }, ...runs.value]
  if (target.apiKey.trim() === '') {
    const text = target.note ?? 'Enter an API key first: nothing was sent.'
    // Every row still ends in its one outcome: a skipped call stays skipped; the rest were not sent.
    const outcomeRows = rows.map((row, i) => {
      const result = results[i]
      return result ? { ...row, outcome: unsentOutcome(result, 'there is no API key') } : row
    })
    updateRun(id, (run) => ({ ...run, rows: outcomeRows, done: true, notes: [{ at, tone: 'error', text }] }))
    return undefined
  }
  sending.value = true
  controller = new AbortController()
  try {
    const sender = createSender({
      fetch: recordingFetch((key, exchange) =>
        updateRun(id, (run) => ({
          ...run,
          rows: run.rows.map((row) => (key !== undefined && row.idempotencyKey === key ? { ...row, exchanges: [...row.exchanges, exchange] } : row)),
        })),
      ),
      baseUrl: target.baseUrl,
      apiKey: target.apiKey,
      clock: pageClock,
      signal: controller.signal,
      onEvent: (event) => {
        recordSenderEvent(id, event)
        updateRun(id, (run) => applySenderEvent(run, event))
      },
    })
    await sender.send(results)
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    updateRun(id, (run) => ({ ...run, notes: [...run.notes, { at: pageClock.now(), tone: 'error', text: `Could not send: ${text}` }] }))
  } finally {
    sending.value = false
    controller = undefined
    updateRun(id, (run) => ({ ...run, done: true }))
    flushSenderEvents()
  }
  return runs.value.find((run) => run.id === id)
}

/** Stops the running Send: events without an answer end as cancelled. */
export function cancelSend(): void {
  controller?.abort(new DOMException('Cancelled from the playground', 'AbortError'))
}
