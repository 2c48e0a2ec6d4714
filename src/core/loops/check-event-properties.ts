import { notScalar } from './check-contact-fields.ts'
import { checkLength } from './check-length.ts'
import { issueOf } from './issue-of.ts'
import { isScalar } from './is-scalar.ts'
import type { LoopsIssue } from './loops-issue.ts'
import { readMap } from './read-map.ts'
import { trimCheap } from './trim-cheap.ts'

/**
 * `eventProperties`: an object (absent or `null` is none) whose names, trimmed as Loops trims them, are not empty,
 * and whose values are strings, numbers or booleans (dates travel as those) within 500 JSON characters; `null` is
 * refused (leave the key out).
 */
export function checkEventProperties(value: unknown, issues: LoopsIssue[]): void {
  if (value === undefined || value === null) return
  const parent = 'body.eventProperties'
  const map = readMap(parent, 'eventProperties', value, issues)
  for (const rawKey of Object.keys(map)) {
    const v = map[rawKey]
    const key = trimCheap(rawKey)
    if (key === '') {
      issues.push(issueOf('property-name-empty', `${parent}.${rawKey}`, 'Event property names can not be empty.', 'An event property has an empty (or blank) name; give it a name.'))
      continue
    }
    checkLength(parent, key, v, issues)
    if (v === null) {
      issues.push(issueOf('value-null', `${parent}.${key}`, `Invalid value for "eventProperties.${key}": null is not accepted; leave the key out or send a value.`, `"${key}" is null, which Loops does not accept as an event property: leave the key out or send a value.`))
      continue
    }
    if (!isScalar(v)) issues.push(notScalar('value-type', `${parent}.${key}`, `eventProperties.${key}`, v))
  }
}
