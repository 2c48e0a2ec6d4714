import { checkLoopsBody as checkWithRulebook } from '../loops/check-loops-body.ts'
import type { Issue } from '../schemas/issue.ts'
import type { ClayEndpoint } from './clay-endpoint.ts'

/**
 * Loops' rules for a body sent to one of the two Clay endpoints: the shared rulebook (`src/core/loops`, the same
 * rules the mapper and the mock use), plus the one rule of Loops' Clay guide: `contacts/update` always carries
 * `email` (Loops updates an existing contact by userId alone, but cannot create one without an email). Errors
 * mean Loops answers 400.
 */
export function checkLoopsBody(endpoint: ClayEndpoint, body: Record<string, unknown>): Issue[] {
  const found = checkWithRulebook(endpoint, body)
  // the guide's email rule says more than the rulebook's "email or userId" for this endpoint: it replaces it
  const issues: Issue[] = found
    .filter((issue) => !(endpoint === 'contacts/update' && issue.code === 'identity-missing'))
    .map((issue) => ({ severity: issue.severity, path: issue.path, message: issue.detail }))
  const email = body['email']
  if (endpoint === 'contacts/update' && (email === undefined || email === null) && !issues.some((issue) => issue.path === 'body.email')) {
    issues.push({
      severity: 'error',
      path: 'body.email',
      message: body['userId'] !== undefined && body['userId'] !== null
        ? 'No "email": Loops can update an existing contact by userId, but answers 400 when it must create one. Loops\' Clay guide says to always include email.'
        : 'The body has no "email"; Loops answers 400. Add "email": "{{Email}}".',
    })
  }
  return issues
}
