import { checkLoopsBody, type LoopsEndpoint } from '../loops/check-loops-body.ts'
import type { LoopsIssueCode } from '../loops/loops-issue.ts'
import type { LoopsRequest } from '../schemas/loops-requests.ts'
import type { MapperIssue } from './map-result.ts'

/** What to change in the preset or the input, per rule, when the mapper's own output breaks it. */
const HINTS: Partial<Record<LoopsIssueCode, string>> = {
  'event-name-colon': "Rename the event in the preset's events table.",
  'email-invalid': 'Fix the email trait.',
  'email-too-long': 'Fix the email trait.',
  'property-name-invalid': 'Route it to a camelCase name in the preset, or do not flatten contact properties.',
}

/**
 * The rulebook's verdict on a request the mapper built, as mapper issues: an `error` means Loops would answer 400,
 * so the result is invalid. `fromOf` names the input part a body path came from, for script positions.
 */
export function checkBody(request: LoopsRequest, fromOf: (path: string) => string | undefined): MapperIssue[] {
  const endpoint = request.path.replace(/^\/api\/v1\//, '') as LoopsEndpoint
  const idempotencyKey = request.headers['Idempotency-Key']
  return checkLoopsBody(endpoint, request.body, idempotencyKey !== undefined ? { idempotencyKey } : {}).map((issue) => {
    const hint = HINTS[issue.code]
    const from = fromOf(issue.path)
    return {
      severity: issue.severity,
      path: issue.path,
      message: hint !== undefined ? `${issue.detail} ${hint}` : issue.detail,
      ...(from !== undefined ? { from } : {}),
    }
  })
}
