import type { SendReport, SendSummary } from '../core/index.ts'
import type { SendEachReport } from '../core/sender/send-each.ts'

/** Failure reasons tallied while outcomes stream past: bounded, so a million distinct reasons cannot fill memory. */
export function createReasonTally(limit = 1000) {
  const counts = new Map<string, number>()
  let other = 0
  return {
    add(reason: string): void {
      const seen = counts.get(reason)
      if (seen !== undefined) counts.set(reason, seen + 1)
      else if (counts.size < limit) counts.set(reason, 1)
      else other++
    },
    top(): { reasons: [string, number][]; other: number } {
      return { reasons: [...counts].toSorted((a, b) => b[1] - a[1]), other }
    },
  }
}

export interface SummaryInput {
  report: SendEachReport
  target: string
  /** Failure reasons, without those of a rejected key (said once, in its own line). */
  reasons: ReturnType<ReturnType<typeof createReasonTally>['top']>
  /** Events not sent because of the rejected key: refused (401/403) and not sent. */
  keyFailures: { refused: number; notSent: number }
  /** With --journal: events an earlier run finished. */
  journaled?: number
  /** Set when the run stopped because nothing answered at the target. */
  unreachable?: string
}

/** The human summary `send` prints at the end: the counts, then the commonest failure reasons. */
export function formatSendSummary(input: SummaryInput): string {
  const { report, target } = input
  const s: SendSummary = report.summary
  const seconds = s.elapsedMs / 1000
  const sent = s.delivered + s.duplicates
  const lines = [
    `${s.total} events → ${target}: ${s.delivered} delivered, ${s.duplicates} duplicates, ${s.skipped} skipped, ${s.failed} failed` +
      (input.journaled !== undefined ? `; ${input.journaled} already done per the journal (not sent again)` : ''),
    `${s.retries} retries, ${s.rateLimited} rate-limited (429), ${seconds.toFixed(1)} s` +
      (sent > 0 && seconds > 0 ? `, ${(sent / seconds).toFixed(1)} accepted/s` : ''),
  ]
  if (report.keyRejected) {
    const { refused, notSent } = input.keyFailures
    lines.push(
      `Loops rejected the API key (${report.keyRejected.status} ${report.keyRejected.message}): ${refused} ${refused === 1 ? 'event' : 'events'} refused, ${notSent} not sent. Check the key and send again.`,
    )
  }
  if (input.unreachable) lines.push(input.unreachable)
  else if (report.cancelled) lines.push('Cancelled: events without an answer are recorded as failed (cancelled); sending them again is safe.')
  const { reasons, other } = input.reasons
  for (const [reason, count] of reasons.slice(0, 5)) lines.push(`  ${count} × ${reason}`)
  if (reasons.length > 5) lines.push(`  … and ${reasons.length - 5} other reasons`)
  if (other > 0) lines.push(`  … and ${other} more failed events whose reasons were not tallied`)
  return `${lines.join('\n')}\n`
}

/** The summary input of a finished in-memory run (its outcomes at hand). */
export function summaryOf(report: SendReport, target: string): SummaryInput {
  const reasons = createReasonTally()
  const keyFailures = { refused: 0, notSent: 0 }
  for (const outcome of report.outcomes) {
    if (outcome.status !== 'failed') continue
    if (outcome.code === 'api-key') keyFailures.refused++
    else if (outcome.code === 'not-sent') keyFailures.notSent++
    else reasons.add(outcome.reason)
  }
  return { report, target, reasons: reasons.top(), keyFailures }
}
