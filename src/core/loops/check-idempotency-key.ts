import { issueOf } from './issue-of.ts'
import { IDEMPOTENCY_KEY_MAX } from './limits.ts'
import type { LoopsIssue } from './loops-issue.ts'

/** The `Idempotency-Key` header: absent or empty is none; over 100 characters is a 400. */
export function checkIdempotencyKey(key: string | null | undefined): LoopsIssue | undefined {
  if (key === null || key === undefined || key.length <= IDEMPOTENCY_KEY_MAX) return undefined
  const message = `The Idempotency-Key header is ${key.length} characters long; the maximum is ${IDEMPOTENCY_KEY_MAX}.`
  return issueOf('idempotency-key-too-long', 'headers.Idempotency-Key', message, `${message} Use a shorter key (a UUID is 36).`)
}
