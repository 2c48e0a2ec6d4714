import type { MapResult, SendOutcome } from '../../core/index.ts'

/**
 * The outcome of a call when nothing could be sent (no API key): skipped calls stay skipped with the mapper's
 * reason, invalid ones fail as invalid, and ready ones fail as not sent, with `why`.
 */
export function unsentOutcome(result: MapResult, why: string): SendOutcome {
  if (result.status === 'skipped') return { status: 'skipped', attempts: 0, reason: result.reason ?? 'skipped by the mapper' }
  if (result.status === 'invalid') {
    const errors = result.issues.filter((issue) => issue.severity === 'error').map((issue) => `${issue.path}: ${issue.message}`)
    return { status: 'failed', attempts: 0, code: 'invalid', reason: `not sent: the mapper marked it invalid${errors.length ? ` (${errors.join('; ')})` : ''}` }
  }
  return { status: 'failed', attempts: 0, code: 'not-sent', reason: `not sent: ${why}` }
}
