import type { InputCall } from './input-call.ts'
import type { MapResult } from './map-result.ts'
import { readDeadLetterEntry } from './read-dead-letter-entry.ts'
import { readEnvelope, type ContentIds } from './read-envelopes.ts'

/** One NDJSON line read: an input call to map, or (a dead-letter entry) a result that needs no mapping. */
export type NdjsonLineRead = { kind: 'call'; call: InputCall } | { kind: 'result'; result: MapResult }

/**
 * Reads one non-blank NDJSON line, the call at `index`, found on line `lineNumber` (1-based) of its file; `ids`
 * is one `createContentIds()` per pass over the input (envelopes without a messageId get content ids). A line
 * that is not JSON becomes an invalid call saying which line to fix, as `readInput` does for a whole file.
 */
export function readNdjsonLine(text: string, index: number, lineNumber: number, ids: ContentIds): NdjsonLineRead {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const call = readEnvelope(undefined, index, ids)
    const message = `Line ${lineNumber} is not JSON (${(error as Error).message}); fix or remove it.`
    return { kind: 'call', call: { ...call, issues: [{ severity: 'error', path: 'envelope', message, line: lineNumber }] } }
  }
  const result = readDeadLetterEntry(value, index)
  if (result) return { kind: 'result', result }
  return { kind: 'call', call: readEnvelope(value, index, ids) }
}
