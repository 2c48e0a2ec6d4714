import { DataflyEnvelope } from '../schemas/datafly-envelope.ts'
import type { Issue } from '../schemas/issue.ts'
import { stableHash, toUuidShape } from '../util/stable-hash.ts'
import type { InputCall } from './input-call.ts'
import { isObject } from '../loops/is-object.ts'


/**
 * Turns parsed envelope values (from NDJSON lines or a JSON array) into input calls. A value that is not a valid
 * envelope becomes an invalid call with issues naming the field; a missing `messageId`, `anonymousId` or
 * `timestamp` is filled deterministically (same input, same ids).
 */
export function readEnvelopes(values: readonly unknown[]): InputCall[] {
  return values.map((value, index) => readEnvelope(value, index))
}

/** One envelope value (the call at `index` of its input) as `readEnvelopes` reads it: for streamed input. */
export function readEnvelope(value: unknown, index: number): InputCall {
  const type = isObject(value) && typeof value['type'] === 'string' ? value['type'] : 'unknown'
  const event = isObject(value) && typeof value['event'] === 'string' ? value['event'] : undefined
  const base = { index, type, ...(event !== undefined ? { event } : {}) }
  if (!isObject(value)) {
    return { ...base, envelope: null, issues: [{ severity: 'error', path: 'envelope', message: 'An envelope must be a JSON object with at least "type".' }] }
  }
  const filled = fill(value, index)
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

function fill(value: Record<string, unknown>, index: number): Record<string, unknown> {
  if (typeof value['messageId'] === 'string' && typeof value['anonymousId'] === 'string' && typeof value['timestamp'] === 'string') return value
  const hash = stableHash(`${index}:${JSON.stringify(value)}`)
  return {
    ...value,
    messageId: typeof value['messageId'] === 'string' ? value['messageId'] : toUuidShape(hash),
    anonymousId:
      typeof value['anonymousId'] === 'string'
        ? value['anonymousId']
        : typeof value['userId'] === 'string' && value['userId'] !== ''
          ? `user:${value['userId']}`
          : `anon-${hash.slice(0, 16)}`,
    timestamp: typeof value['timestamp'] === 'string' ? value['timestamp'] : new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString(),
  }
}
