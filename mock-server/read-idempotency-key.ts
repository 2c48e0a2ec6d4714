import { IDEMPOTENCY_KEY_MAX } from './idempotency-store.ts'
import { badRequest } from './loops-request-error.ts'
import type { MockRequest } from './mock-request.ts'

/** The `Idempotency-Key` header: absent or empty → none; over 100 characters → 400. */
export function readIdempotencyKey(request: Pick<MockRequest, 'headers'>): string | undefined {
  const key = request.headers.get('idempotency-key')
  if (key === null || key === '') return undefined
  if (key.length > IDEMPOTENCY_KEY_MAX)
    throw badRequest(`The Idempotency-Key header is ${key.length} characters long; the maximum is ${IDEMPOTENCY_KEY_MAX}.`)
  return key
}
