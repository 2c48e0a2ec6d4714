import type { MapResult, SendReport } from '../core/index.ts'

/**
 * The dead-letter file's lines: one JSON object per event that was not delivered (skipped or failed; a
 * duplicate was delivered before), in input order: `{"index","outcome","code"?,"reason","attempts","httpStatus"?,
 * "result"}` where `result` is the map result (with its request) exactly as `map` prints it.
 */
export function deadLetterLines(results: readonly MapResult[], report: SendReport): string[] {
  const lines: string[] = []
  report.outcomes.forEach((outcome, index) => {
    if (outcome.status !== 'skipped' && outcome.status !== 'failed') return
    const entry = {
      index,
      outcome: outcome.status,
      ...(outcome.status === 'failed' ? { code: outcome.code } : {}),
      reason: outcome.reason,
      attempts: outcome.attempts,
      ...(outcome.status === 'failed' && outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
      result: results[index],
    }
    lines.push(JSON.stringify(entry))
  })
  return lines
}
