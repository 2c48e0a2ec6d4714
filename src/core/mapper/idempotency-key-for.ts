import { stableHash } from '../util/stable-hash.ts'

/** Loops' limit for the Idempotency-Key header. */
export const IDEMPOTENCY_KEY_MAX = 100

/**
 * The Idempotency-Key for a call: its messageId when that is a valid header value of at most 100 characters,
 * otherwise a stable hash of it. Every attempt of one event carries the same key, so a retry cannot deliver twice.
 */
export function idempotencyKeyFor(messageId: string): string {
  if (messageId.length <= IDEMPOTENCY_KEY_MAX && /^[\x21-\x7e]+$/.test(messageId)) return messageId
  return `df-${stableHash(messageId)}`
}
