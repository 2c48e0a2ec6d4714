import { isHeaderToken } from '../loops/is-header-token.ts'
import { IDEMPOTENCY_KEY_MAX } from '../loops/limits.ts'
import { stableHash } from '../util/stable-hash.ts'

/**
 * The Idempotency-Key for a call: its messageId when that is a valid header value of at most 100 characters,
 * otherwise a stable hash of it. Every attempt of one event carries the same key, so a retry cannot deliver twice.
 * (A call without a messageId gets one from its own content, see `readEnvelopes` and `readScript`.)
 */
export function idempotencyKeyFor(messageId: string): string {
  if (messageId.length <= IDEMPOTENCY_KEY_MAX && isHeaderToken(messageId)) return messageId
  return `df-${stableHash(messageId)}`
}
