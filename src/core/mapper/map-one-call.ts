import type { Issue } from '../schemas/issue.ts'
import type { Preset } from '../schemas/preset.ts'
import type { InputCall } from './input-call.ts'
import { mapEnvelope } from './map-envelope.ts'
import type { MapperIssue, MapResult } from './map-result.ts'
import type { ResolvedIdentity } from './resolve-identities.ts'

/**
 * Maps one input call whose identity is already resolved (over its whole session) to its one result. `mapCalls`
 * does this for every call of a session in memory; the command line does it line by line for streamed files.
 */
export function mapOneCall(call: InputCall, identity: ResolvedIdentity | null, preset: Preset): MapResult {
  const source = { index: call.index, type: call.type, ...(call.event !== undefined ? { event: call.event } : {}) }
  if (!call.envelope || !identity || call.issues.some((issue) => issue.severity === 'error')) {
    return { status: 'invalid', issues: call.issues, source }
  }
  const mapped = mapEnvelope(call.envelope, identity, preset, call.index)
  mapped.source = source
  mapped.issues = call.issues.length === 0 && mapped.issues.length === 0 ? mapped.issues : [...call.issues, ...mapped.issues.map((issue) => locate(issue, call))]
  return mapped
}

/** Gives a mapper issue the script position of the input part it came from (or of the call). */
function locate(issue: MapperIssue, call: InputCall): Issue {
  const { from, ...rest } = issue
  if (!call.position) return rest
  const exact = from !== undefined ? call.positions?.get(from) : undefined
  return { ...rest, ...(exact ?? call.position) }
}
