import { checkLoopsBody, type LoopsEndpoint, type LoopsIssue } from '../src/core/index.ts'
import { badRequest } from './loops-request-error.ts'

/** Throws the 400 Loops answers for the first error issue (its `message`, Loops' wording); warnings pass. */
export function throwFirstError(issues: readonly LoopsIssue[]): void {
  const error = issues.find((issue) => issue.severity === 'error')
  if (error) throw badRequest(error.message)
}

/**
 * The core rulebook's verdict on a body, as the mock answers it: the first error becomes the 400 (the same rules the
 * mapper shows as issues, so the two cannot disagree). Account-dependent checks (lists, property types, contacts)
 * follow in the route.
 */
export function assertLoopsBody(endpoint: LoopsEndpoint, body: unknown): void {
  throwFirstError(checkLoopsBody(endpoint, body))
}
