import { issueOf } from './issue-of.ts'
import { isObject } from './is-object.ts'
import { kindOf } from './kind-of.ts'
import type { LoopsIssue } from './loops-issue.ts'

/**
 * An object value (`eventProperties`, `mailingLists`…); `[]` counts as an empty object (the PHP SDK
 * sends empty arrays for empty maps). Anything else pushes a `not-an-object` issue and gives `{}`.
 */
export function readMap(path: string, name: string, value: unknown, issues: LoopsIssue[]): Record<string, unknown> {
  if (Array.isArray(value) && value.length === 0) return {}
  if (!isObject(value)) {
    issues.push(issueOf('not-an-object', path, `"${name}" must be an object, got ${kindOf(value)}.`, `"${name}" must be an object of keys and values, got ${kindOf(value)}.`))
    return {}
  }
  return value
}
