import { emailProblem } from './check-email.ts'
import { excerpt, issueOf } from './issue-of.ts'
import type { LoopsIssue } from './loops-issue.ts'
import { EMAIL_MAX } from './limits.ts'

const INVALID = 'Invalid email address.'

/** The `email` of a body: an issue when it is not a string Loops takes as an address (see `emailProblem`). */
export function checkEmailField(path: string, value: unknown): LoopsIssue | undefined {
  if (typeof value !== 'string') return issueOf('email-invalid', path, INVALID, `The email must be a string, got ${typeof value === 'object' ? (value === null ? 'null' : 'an object') : `a ${typeof value}`}.`)
  const problem = emailProblem(value)
  if (problem === 'email-too-long')
    return issueOf(problem, path, INVALID, `The email address is ${value.length} characters long; Loops takes at most ${EMAIL_MAX}.`)
  if (problem === 'email-invalid')
    return issueOf(problem, path, INVALID, `"${excerpt(value)}" is not a valid email address; Loops would answer 400 "${INVALID}"`)
  return undefined
}
