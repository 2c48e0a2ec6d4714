import { checkEmailField } from './check-email-field.ts'
import { checkLength } from './check-length.ts'
import { issueOf } from './issue-of.ts'
import { isScalar } from './is-scalar.ts'
import { kindOf } from './kind-of.ts'
import { IGNORED_CONTACT_PROPERTIES, RESERVED_CONTACT_PROPERTIES } from './limits.ts'
import type { LoopsIssue } from './loops-issue.ts'
import { readMap } from './read-map.ts'
import { trimCheap } from './trim-cheap.ts'

/** A custom contact property name the mock can create: letters, digits, `_` and `$`, not starting with a digit. */
function isPropertyName(key: string): boolean {
  if (key.length === 0) return false
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return false
  }
  return true
}

/** `Invalid value for "<path>"`: what Loops says for a nested object, an array or a non-finite number. */
export const notScalar = (code: 'value-type', path: string, name: string, value: unknown): LoopsIssue =>
  issueOf(
    code,
    path,
    `Invalid value for "${name}": it is ${kindOf(value)}, and only string, number, boolean or date values are accepted (nested objects and arrays are not).`,
    `"${name}" is ${kindOf(value)}; Loops accepts only string, number, boolean or date values here. Send a scalar, or flatten the value into several keys.`,
  )

/**
 * The contact part of a body, entry by entry as Loops reads it: each key and scalar value within 500 JSON
 * characters; reserved names (`id`, `teamId`…) and read-only defaults (`optInStatus`, `notes`, `createdAt`) are
 * ignored (a warning); `email`, `userId`, `firstName`, `lastName`, `source`, `userGroup`, `subscribed` and
 * `mailingLists` have their own types; any other key is a custom property: a valid name, and a string, number,
 * boolean or `null` (null resets it). `parent` is the path of `source`; `skip` names keys that are not contact
 * properties (`eventName`…).
 */
export function checkContactFields(parent: string, source: Record<string, unknown>, issues: LoopsIssue[], skip?: ReadonlySet<string>): void {
  for (const key of Object.keys(source)) {
    if (skip?.has(key)) continue
    const value = source[key]
    checkLength(parent, key, value, issues)
    if (value === undefined) continue
    const path = `${parent}.${key}`
    if (RESERVED_CONTACT_PROPERTIES.has(key)) {
      issues.push(issueOf('reserved-name', path, `"${key}" is a reserved name; ignored.`, `"${key}" is a reserved Loops contact property (id, listId, softDeleteAt, teamId, updatedAt): Loops ignores it. Route it to another name.`, 'warning'))
      continue
    }
    if (IGNORED_CONTACT_PROPERTIES.has(key)) {
      issues.push(issueOf('ignored-name', path, `"${key}" cannot be set through the API; ignored.`, `"${key}" is a default property the API does not set: Loops ignores it.`, 'warning'))
      continue
    }
    const issue = checkContactField(path, key, value, issues)
    if (issue) issues.push(issue)
  }
}

function checkContactField(path: string, key: string, value: unknown, issues: LoopsIssue[]): LoopsIssue | undefined {
  const typeIssue = (expected: string): LoopsIssue =>
    issueOf('value-type', path, `"${key}" must be ${expected}, got ${kindOf(value)}.`, `"${key}" must be ${expected}, got ${kindOf(value)}.`)
  switch (key) {
    case 'email':
      return value === null ? undefined : checkEmailField(path, value)
    case 'userId':
      if (value === null) return undefined
      if (typeof value !== 'string' || trimCheap(value) === '')
        return issueOf('user-id-invalid', path, `"userId" must be a non-empty string, got ${typeof value === 'string' ? 'an empty string' : kindOf(value)}.`, `"userId" must be a non-empty string, got ${typeof value === 'string' ? 'an empty string' : kindOf(value)}.`)
      return undefined
    case 'firstName':
    case 'lastName':
    case 'userGroup':
      return value !== null && typeof value !== 'string' ? typeIssue('a string or null') : undefined
    case 'source':
      return typeof value !== 'string' ? typeIssue('a string') : undefined
    case 'subscribed':
      return typeof value !== 'boolean' ? typeIssue('true or false') : undefined
    case 'mailingLists':
      if (value === null) return undefined
      for (const [id, on] of Object.entries(readMap(path, 'mailingLists', value, issues))) {
        checkLength(path, id, on, issues)
        if (typeof on !== 'boolean')
          issues.push(issueOf('value-type', `${path}.${id}`, `"mailingLists.${id}" must be true or false, got ${kindOf(on)}.`, `"mailingLists.${id}" must be true (subscribe) or false (unsubscribe), got ${kindOf(on)}.`))
      }
      return undefined
    default:
      if (value === null) return undefined
      if (!isScalar(value)) return notScalar('value-type', path, key, value)
      if (!isPropertyName(key))
        return issueOf(
          'property-name-invalid',
          path,
          `"${key}" is not a valid contact property name: use letters, digits and underscores, like planName.`,
          `"${key}" is not a valid contact property name: use letters, digits and underscores, like planName.`,
        )
      return undefined
  }
}
