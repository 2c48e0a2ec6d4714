import type { Issue } from '../schemas/issue.ts'
import type { Preset } from '../schemas/preset.ts'
import type { InputCall } from './input-call.ts'
import { mapEnvelope } from './map-envelope.ts'
import type { MapperIssue, MapResult } from './map-result.ts'
import { resolveIdentities } from './resolve-identities.ts'

/**
 * Maps a session of calls (a script, or a file of envelopes) to one result per call, in input order.
 * Identity is resolved over the whole session first, so an event before `identify` still reaches its contact.
 */
export function mapCalls(calls: readonly InputCall[], preset: Preset): MapResult[] {
  const identities = resolveIdentities(calls.map((call) => call.envelope))
  return calls.map((call, i): MapResult => {
    const identity = identities[i]
    const source = { index: call.index, type: call.type, ...(call.event !== undefined ? { event: call.event } : {}) }
    if (!call.envelope || !identity || call.issues.some((issue) => issue.severity === 'error')) {
      return { status: 'invalid', issues: call.issues, source }
    }
    const mapped = mapEnvelope(call.envelope, identity, preset, call.index)
    mapped.source = source
    mapped.issues = call.issues.length === 0 && mapped.issues.length === 0 ? mapped.issues : [...call.issues, ...mapped.issues.map((issue) => locate(issue, call))]
    return mapped
  })
}

/** Gives a mapper issue the script position of the input part it came from (or of the call). */
function locate(issue: MapperIssue, call: InputCall): Issue {
  const { from, ...rest } = issue
  if (!call.position) return rest
  const exact = from !== undefined ? call.positions?.get(from) : undefined
  return { ...rest, ...(exact ?? call.position) }
}
