import { checkIdempotencyKey } from '../src/core/index.ts'
import { badRequest } from './loops-request-error.ts'
import type { MockRequest } from './mock-request.ts'

/** The `Idempotency-Key` header: absent or empty → none; over 100 characters → 400 (the core rulebook's rule). */
export function readIdempotencyKey(request: Pick<MockRequest, 'headers'>): string | undefined {
  const key = request.headers.get('idempotency-key')
  const issue = checkIdempotencyKey(key)
  if (issue) throw badRequest(issue.message)
  return key === null || key === '' ? undefined : key
}
