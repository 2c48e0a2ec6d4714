import type { Issue } from '../schemas/issue.ts'
import type { Preset } from '../schemas/preset.ts'
import type { InputCall } from './input-call.ts'
import { mapEnvelope } from './map-envelope.ts'
import type { MapperIssue, MapResult } from './map-result.ts'
import { createTrace, type Provenance } from './provenance.ts'
import type { ResolvedIdentity } from './resolve-identities.ts'

export interface ExplainOptions {
  explain: true
  /** the call at an input position (for the script position of a trait that came from another call), if known */
  callAt: (index: number) => InputCall | undefined
}

/**
 * Maps one input call whose identity is already resolved (over its whole session) to its one result. `mapCalls`
 * does this for every call of a session in memory; the command line does it line by line for streamed files.
 * With `explain`, the result carries `provenance` and `dropped`.
 */
export function mapOneCall(call: InputCall, identity: ResolvedIdentity | null, preset: Preset, explain?: ExplainOptions): MapResult {
  const source = { index: call.index, type: call.type, ...(call.event !== undefined ? { event: call.event } : {}) }
  if (!call.envelope || !identity || call.issues.some((issue) => issue.severity === 'error')) {
    return { status: 'invalid', issues: call.issues, source }
  }
  const trace = explain ? createTrace() : undefined
  const mapped = mapEnvelope(call.envelope, identity, preset, call.index, trace)
  mapped.source = source
  if (trace && explain) {
    const at = (i: number): InputCall | undefined => (i === call.index ? call : explain.callAt(i))
    const provenance: Record<string, Provenance> = {}
    if (mapped.request) for (const [pointer, entry] of trace.fields) provenance[pointer] = placed(entry, at)
    mapped.provenance = provenance
    mapped.dropped = trace.dropped
  }
  mapped.issues = call.issues.length === 0 && mapped.issues.length === 0 ? mapped.issues : [...call.issues, ...mapped.issues.map((issue) => locate(issue, call))]
  return mapped
}

/** Adds the script position of the input part a value came from, when the input was a script. */
function placed(entry: Omit<Provenance, 'line' | 'column'>, at: (index: number) => InputCall | undefined): Provenance {
  const call = at(entry.call)
  const where = call?.positions?.get(entry.from) ?? (entry.from.startsWith('context.') ? undefined : call?.position)
  return { ...entry, ...(where?.line !== undefined ? { line: where.line } : {}), ...(where?.column !== undefined ? { column: where.column } : {}) }
}

/** Gives a mapper issue the script position of the input part it came from (or of the call). */
function locate(issue: MapperIssue, call: InputCall): Issue {
  const { from, ...rest } = issue
  if (!call.position) return rest
  const exact = from !== undefined ? call.positions?.get(from) : undefined
  return { ...rest, ...(exact ?? call.position) }
}
