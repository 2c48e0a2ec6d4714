import { signal } from '@preact/signals'
import type { SenderEvent } from '../../core/index.ts'

/** The sender's raw lifecycle events of each Send, by run id: what the Timeline draws. */
const byRun = new Map<number, SenderEvent[]>()

/** Bumped at most every 250 ms while a Send runs (and at its end), so a burst of 500 redraws a few times, not 3,000. */
export const sendEventsVersion = signal(0)
let pending: ReturnType<typeof setTimeout> | undefined

export function recordSenderEvent(runId: number, event: SenderEvent): void {
  let events = byRun.get(runId)
  if (!events) byRun.set(runId, (events = []))
  events.push(event)
  pending ??= setTimeout(flushSenderEvents, 250)
}

export function flushSenderEvents(): void {
  if (pending !== undefined) clearTimeout(pending)
  pending = undefined
  sendEventsVersion.value++
}

export function senderEventsOf(runId: number): readonly SenderEvent[] {
  return byRun.get(runId) ?? []
}

export function clearSenderEvents(): void {
  byRun.clear()
  flushSenderEvents()
}
