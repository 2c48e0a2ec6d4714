import { DataflyEnvelope } from '../schemas/datafly-envelope.ts'
import type { Issue } from '../schemas/issue.ts'
import { createContentIds } from '../util/content-id.ts'
import { MAX_NESTING, nestsDeeperThan } from '../util/nesting-depth.ts'
import type { InputCall } from './input-call.ts'
import { isObject } from '../loops/is-object.ts'

/** Gives each envelope content its id and ordinal; one per input. */
export type ContentIds = ReturnType<typeof createContentIds>


/**
 * Turns parsed envelope values (from NDJSON lines or a JSON array) into input calls. A value that is not a valid
 * envelope becomes an invalid call with issues naming the field; a missing `messageId`, `anonymousId` or
 * `timestamp` is filled deterministically (same input, same ids).
 */
export function readEnvelopes(values: readonly unknown[]): InputCall[] {
  const ids = createContentIds()
  return values.map((value, index) => readEnvelope(value, index, ids))
}

/**
 * One envelope value (the call at `index` of its input) as `readEnvelopes` reads it, for streamed input: pass one
 * `createContentIds()` for the whole input, so identical envelopes get their ordinals as in `readEnvelopes`.
 */
export function readEnvelope(value: unknown, index: number, ids: ContentIds = createContentIds()): InputCall {
  const type = isObject(value) && typeof value['type'] === 'string' ? value['type'] : 'unknown'
  const event = isObject(value) && typeof value['event'] === 'string' ? value['event'] : undefined
  const base = { index, type, ...(event !== undefined ? { event } : {}) }
  if (!isObject(value)) {
    return { ...base, envelope: null, issues: [{ severity: 'error', path: 'envelope', message: 'An envelope must be a JSON object with at least "type".' }] }
  }
  if (nestsDeeperThan(value)) {
    const message = `This envelope nests objects or arrays more than ${MAX_NESTING} levels deep, so it is not read (Loops takes only flat values). Flatten that data or remove the envelope; the others are mapped.`
    return { ...base, envelope: null, issues: [{ severity: 'error', path: 'envelope', message }] }
  }
  const filled = fill(value, index, ids)
  const parsed = DataflyEnvelope.safeParse(filled)
  if (!parsed.success) {
    const issues: Issue[] = parsed.error.issues.map((issue) => ({
      severity: 'error',
      path: ['envelope', ...issue.path.map(String)].join('.'),
      message: `${issue.message}. Fix this field of the envelope (see the Datafly envelope schema).`,
    }))
    return { ...base, envelope: null, issues }
  }
  return { ...base, envelope: parsed.data, issues: [] }
}

/**
 * Fills a missing `messageId` (hence the Idempotency-Key) and `anonymousId` from the envelope's own content and
 * its ordinal among identical envelopes, never from its line number: fixing or removing another line leaves them
 * unchanged. A missing `timestamp` follows the position (it is not part of the key).
 */
function fill(value: Record<string, unknown>, index: number, ids: { next(content: string): string }): Record<string, unknown> {
  if (typeof value['messageId'] === 'string' && typeof value['anonymousId'] === 'string' && typeof value['timestamp'] === 'string') return value
  const id = ids.next(JSON.stringify(value))
  const hash = id.replaceAll('-', '')
  return {
    ...value,
    messageId: typeof value['messageId'] === 'string' ? value['messageId'] : id,
    anonymousId:
      typeof value['anonymousId'] === 'string'
        ? value['anonymousId']
        : typeof value['userId'] === 'string' && value['userId'] !== ''
          ? `user:${value['userId']}`
          : `anon-${hash.slice(0, 16)}`,
    timestamp: typeof value['timestamp'] === 'string' ? value['timestamp'] : new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString(),
  }
}
