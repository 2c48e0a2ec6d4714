import type { MapResult } from '../mapper/map-result.ts'
import type { DeliveryContext } from './deliver-result.ts'
import type { SendOutcome } from './send-outcome.ts'
import type { SendReport } from './send-report.ts'

/** What `sendEach` resolves with: the report without the per-event outcomes (those went to `onOutcome`). */
export type SendEachReport = Omit<SendReport, 'outcomes'>

interface SendEachInput {
  context: DeliveryContext
  concurrency: number
  results: Iterable<MapResult> | AsyncIterable<MapResult>
  onOutcome: (index: number, outcome: SendOutcome, result: MapResult) => void | Promise<void>
  deliver: (context: DeliveryContext, index: number, result: MapResult) => Promise<SendOutcome>
  keyRejected: () => { status: number; message: string } | undefined
}

/**
 * The sender's worker pool over a stream of results: `concurrency` workers each pull the next result, deliver it
 * and hand its outcome on, so memory holds only the events in flight. Indexes are given in pull order.
 */
export async function sendEachWith(input: SendEachInput): Promise<SendEachReport> {
  const { context, concurrency, onOutcome } = input
  const { clock, emit } = context
  const iterator = Symbol.asyncIterator in input.results ? input.results[Symbol.asyncIterator]() : input.results[Symbol.iterator]()
  const start = clock.now()
  const counts = { total: 0, delivered: 0, duplicate: 0, skipped: 0, failed: 0 }
  let cancelled = false
  let pulled = 0
  let done = false
  let pulling: Promise<unknown> = Promise.resolve()
  // one pull at a time, so indexes follow the input order even when the source is async
  const pull = (): Promise<{ index: number; result: MapResult } | undefined> => {
    const next = pulling.then(async () => {
      if (done) return undefined
      const step = await iterator.next()
      if (step.done) {
        done = true
        return undefined
      }
      return { index: pulled++, result: step.value }
    })
    pulling = next.catch(() => undefined)
    return next
  }
  const worker = async (): Promise<void> => {
    for (;;) {
      const item = await pull()
      if (!item) return
      const { index, result } = item
      const outcome = await input.deliver(context, index, result).catch(
        (error: unknown): SendOutcome => ({
          status: 'failed',
          attempts: 0,
          code: 'internal',
          reason: `the sender failed unexpectedly (${error instanceof Error ? error.message : String(error)}); please report it`,
        }),
      )
      counts.total++
      counts[outcome.status]++
      if (outcome.status === 'failed' && outcome.code === 'cancelled') cancelled = true
      // recorded first (a journal line, a dead-letter line), then announced: what progress shows is on disk
      await onOutcome(index, outcome, result)
      emit({ type: 'outcome', index, outcome, at: clock.now() })
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, worker))
  } finally {
    done = true
    await iterator.return?.()
  }
  const rejected = input.keyRejected()
  return {
    summary: {
      total: counts.total,
      delivered: counts.delivered,
      duplicates: counts.duplicate,
      skipped: counts.skipped,
      failed: counts.failed,
      retries: context.counters.retries,
      rateLimited: context.counters.rateLimited,
      elapsedMs: clock.now() - start,
    },
    cancelled,
    // a rejected key stays rejected for this sender (keyRejected is never cleared)
    ...(rejected ? { keyRejected: rejected } : {}),
  }
}
