import { checkLoopsBody as rulebook } from '../loops/check-loops-body.ts'
import type { LoopsIssue } from '../loops/loops-issue.ts'
import type { ClayEndpoint } from './clay-endpoint.ts'

/**
 * Loops' rules for a body a Clay column sends: the shared rulebook (the one the mapper and the mock use), plus
 * Loops' Clay guide, which says a contacts/update body must include `email` (Loops itself accepts a userId alone
 * for an existing contact, and answers 400 when it would have to create one): a warning, since Loops may accept it.
 */
export function checkLoopsBody(endpoint: ClayEndpoint, body: Record<string, unknown>): LoopsIssue[] {
  const issues = rulebook(endpoint, body)
  const has = (key: string): boolean => body[key] !== undefined && body[key] !== null
  if (endpoint === 'contacts/update' && !has('email') && has('userId')) {
    const message = 'No "email": Loops updates an existing contact by userId, but answers 400 when it must create one. The Clay guide says to always include email.'
    issues.push({ severity: 'warning', code: 'email-missing', path: 'body.email', message, detail: message })
  }
  return issues
}
