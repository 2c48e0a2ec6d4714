import { issueOf } from './issue-of.ts'
import type { LoopsIssue } from './loops-issue.ts'
import { VALUE_MAX } from './limits.ts'

const TOO_LONG = 'Some body key or value is longer than allowable'

/** Strings longer than this are not encoded to be measured: they are over the limit whatever their escapes. */
const MEASURE_MAX = 10_000

/**
 * A string's length as JSON text (quotes included), with bounded work: a string short enough that even all-escapes
 * would fit is not encoded, and a very long one is reported by its length (a lower bound, already over the limit).
 */
function jsonLength(value: string): number {
  // a character is at most 6 characters of JSON (\uXXXX): short strings need no measuring
  if (value.length * 6 + 2 <= VALUE_MAX || value.length > MEASURE_MAX) return value.length + 2
  return JSON.stringify(value).length
}

/**
 * Loops' 500-character limit on a body key and on a scalar value, each counted as JSON including its quotes
 * (a 498-character string passes, 499 fails; numbers and booleans are always shorter). An object or array value is not measured as a whole: its entries
 * are checked where Loops reads them. Pushes at most two issues onto `issues`.
 */
export function checkLength(parent: string, key: string, value: unknown, issues: LoopsIssue[]): void {
  const keyLength = jsonLength(key)
  if (keyLength > VALUE_MAX) {
    issues.push(issueOf('too-long', `${parent}.${key.slice(0, 20)}…`, TOO_LONG, `A key of ${key.length} characters exceeds Loops' ${VALUE_MAX}-character limit. Use a shorter property name.`))
  }
  if (typeof value === 'string') {
    const length = jsonLength(value)
    if (length > VALUE_MAX)
      issues.push(issueOf('too-long', `${parent}.${key}`, TOO_LONG, `This value is ${length > MEASURE_MAX ? 'over ' : ''}${length} characters as JSON (quotes included); Loops allows at most ${VALUE_MAX} per value. Shorten it or leave it out.`))
  }
}
