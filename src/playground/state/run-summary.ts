import type { Run } from './event-log.ts'
import { outcomeOf } from './outcome-of.ts'

/** `1 delivered · 1 skipped`: a Send's rows counted by the label each row shows. */
export function runSummary(run: Run): string {
  const counts = new Map<string, number>()
  for (const row of run.rows) {
    const { label } = outcomeOf(row, run.done)
    counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  return [...counts].map(([label, n]) => `${n} ${label}`).join(' · ')
}
