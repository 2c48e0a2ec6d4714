import type { LoopsIssue, LoopsIssueCode } from './loops-issue.ts'

/** Builds an error issue (or a warning, when Loops ignores the part). */
export const issueOf = (code: LoopsIssueCode, path: string, message: string, detail: string, severity: LoopsIssue['severity'] = 'error'): LoopsIssue => ({
  severity,
  code,
  path,
  message,
  detail,
})

/** At most `max` characters of a value for a message, so a hostile 400 000-character value is never echoed whole. */
export const excerpt = (value: string, max = 60): string => (value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`)
