import { LoopsRequest } from '../schemas/loops-requests.ts'
import { checkBody } from './check-body.ts'
import type { MapResult } from './map-result.ts'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * A line of `send --dead-letter` output, read back as input: `{"index","outcome","reason",…,"result":{…}}` where
 * `result` is the map result as `map` prints it. Returns undefined when `value` is not such an entry (an envelope).
 *
 * The entry's request is sent again as it stands (edits to its body included), under its own Idempotency-Key,
 * so re-sending a dead-letter file never delivers an event twice. An entry the mapper skipped stays skipped; one
 * it marked invalid is checked again, so a body fixed in the file goes out and an unfixed one stays invalid.
 */
export function readDeadLetterEntry(value: unknown, index: number): MapResult | undefined {
  if (!isObject(value) || typeof value['outcome'] !== 'string' || !isObject(value['result']) || 'type' in value) return undefined
  const result = value['result']
  const original = isObject(result['source']) ? result['source'] : {}
  const source = {
    index,
    type: typeof original['type'] === 'string' ? original['type'] : 'unknown',
    ...(typeof original['event'] === 'string' ? { event: original['event'] } : {}),
  }
  if (result['status'] === 'skipped') {
    return { status: 'skipped', reason: typeof result['reason'] === 'string' ? result['reason'] : 'skipped by the mapper', issues: [], source }
  }
  const parsed = LoopsRequest.safeParse(result['request'])
  if (!parsed.success) {
    const where = parsed.error.issues[0]
    const path = ['result', 'request', ...(where?.path.map(String) ?? [])].join('.')
    return {
      status: 'invalid',
      issues: [{ severity: 'error', path, message: `This dead-letter entry has no request that can be sent (${where?.message ?? 'missing'}). Fix ${path} or map the original input again.` }],
      source,
    }
  }
  const request = parsed.data
  const issues = result['status'] === 'invalid' ? checkBody(request, () => undefined).filter((issue) => issue.severity === 'error').map(({ from: _from, ...issue }) => issue) : []
  if (issues.length > 0) return { status: 'invalid', request, issues, source }
  return { status: 'ready', request, issues: [], source }
}
