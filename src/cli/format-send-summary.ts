import type { SendReport } from '../core/index.ts'

/** The human summary `send` prints at the end: the counts, then the commonest failure reasons. */
export function formatSendSummary(report: SendReport, target: string): string {
  const s = report.summary
  const seconds = s.elapsedMs / 1000
  const sent = s.delivered + s.duplicates
  const lines = [
    `${s.total} events → ${target}: ${s.delivered} delivered, ${s.duplicates} duplicates, ${s.skipped} skipped, ${s.failed} failed`,
    `${s.retries} retries, ${s.rateLimited} rate-limited (429), ${seconds.toFixed(1)} s` +
      (sent > 0 && seconds > 0 ? `, ${(sent / seconds).toFixed(1)} accepted/s` : ''),
  ]
  if (report.keyRejected) lines.push(`Loops rejected the API key (${report.keyRejected.status} ${report.keyRejected.message}): check it and send again.`)
  if (report.cancelled) lines.push('Cancelled: events without an answer are recorded as failed (cancelled); sending them again is safe.')
  const reasons = new Map<string, number>()
  for (const outcome of report.outcomes) {
    if (outcome.status === 'failed') reasons.set(outcome.reason, (reasons.get(outcome.reason) ?? 0) + 1)
  }
  const top = [...reasons].toSorted((a, b) => b[1] - a[1])
  for (const [reason, count] of top.slice(0, 5)) lines.push(`  ${count} × ${reason}`)
  if (top.length > 5) lines.push(`  … and ${top.length - 5} other reasons`)
  return `${lines.join('\n')}\n`
}
