import { checkLength } from './check-length.ts'
import { excerpt, issueOf } from './issue-of.ts'
import type { LoopsIssue } from './loops-issue.ts'
import { trimCheap } from './trim-cheap.ts'

/**
 * `eventName`: required, a non-blank string, no `:` ("Custom event names can not contain colon characters"),
 * within 500 JSON characters. Pushes the first problem only, as Loops reports one.
 */
export function checkEventName(value: unknown, issues: LoopsIssue[]): void {
  const path = 'body.eventName'
  if (value === undefined || value === null || value === '') {
    issues.push(issueOf('event-name-missing', path, '`eventName` is missing.', 'The request has no eventName; Loops requires one.'))
    return
  }
  if (typeof value !== 'string') {
    issues.push(issueOf('event-name-type', path, '`eventName` must be a string.', `eventName must be a string, got ${typeof value}.`))
    return
  }
  if (trimCheap(value) === '') {
    issues.push(issueOf('event-name-empty', path, '`eventName` is empty.', 'eventName is only spaces; give the event a name.'))
    return
  }
  if (value.includes(':')) {
    issues.push(issueOf('event-name-colon', path, `Event names can not contain colon characters (:); got "${excerpt(value)}".`, `Loops event names cannot contain ":" ("${excerpt(value)}").`))
    return
  }
  checkLength('body', 'eventName', value, issues)
}
