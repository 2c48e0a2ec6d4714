import type { MapResult, SendOutcome, SendReport } from '../core/index.ts'

/**
 * One line of the dead-letter file for an event that was not delivered (skipped or failed; a duplicate was
 * delivered before), or undefined: `{"index","outcome","code"?,"reason","attempts","httpStatus"?,"result"}` where
 * `index` is the event's position in the input and `result` the map result (with its request) exactly as `map`
 * prints it. `send` reads such lines back as input, so the file can be fixed and sent again as it is.
 */
export function deadLetterLine(outcome: SendOutcome, result: MapResult): string | undefined {
  if (outcome.status !== 'skipped' && outcome.status !== 'failed') return undefined
  return JSON.stringify({
    index: result.source.index,
    outcome: outcome.status,
    ...(outcome.status === 'failed' ? { code: outcome.code } : {}),
    reason: outcome.reason,
    attempts: outcome.attempts,
    ...(outcome.status === 'failed' && outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
    result,
  })
}

/** Every dead-letter line of a finished in-memory run (`results[i]` went with `report.outcomes[i]`). */
export function deadLetterLines(results: readonly MapResult[], report: SendReport): string[] {
  return report.outcomes.flatMap((outcome, i) => {
    const result = results[i]
    const line = result ? deadLetterLine(outcome, result) : undefined
    return line === undefined ? [] : [line]
  })
}
