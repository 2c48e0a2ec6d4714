import type { Issue } from '../schemas/issue.ts'
import type { Preset } from '../schemas/preset.ts'
import type { InputCall } from './input-call.ts'
import { mapEnvelope } from './map-envelope.ts'
import type { MapperIssue, MapResult } from './map-result.ts'
import { createTrace, type Provenance } from './provenance.ts'
import { resolveIdentities } from './resolve-identities.ts'

export interface MapOptions {
  /** also say where each body field came from and what was dropped (`provenance`, `dropped`); off by default */
  explain?: boolean
}

/**
 * Maps a session of calls (a script, or a file of envelopes) to one result per call, in input order.
 * Identity is resolved over the whole session first, so an event before `identify` still reaches its contact.
 * With `explain`, each result also carries its provenance; without it the mapper does no extra work.
 */
export function mapCalls(calls: readonly InputCall[], preset: Preset, options: MapOptions = {}): MapResult[] {
  const explain = options.explain === true
  const identities = resolveIdentities(calls.map((call) => call.envelope), explain ? { origins: true } : {})
  return calls.map((call, i): MapResult => {
    const identity = identities[i]
    const source = { index: call.index, type: call.type, ...(call.event !== undefined ? { event: call.event } : {}) }
    if (!call.envelope || !identity || call.issues.some((issue) => issue.severity === 'error')) {
      return { status: 'invalid', issues: call.issues, source }
    }
    const trace = explain ? createTrace() : undefined
    const mapped = mapEnvelope(call.envelope, identity, preset, call.index, trace)
    mapped.source = source
    if (trace) {
      const provenance: Record<string, Provenance> = {}
      if (mapped.request) for (const [pointer, entry] of trace.fields) provenance[pointer] = placed(entry, calls)
      mapped.provenance = provenance
      mapped.dropped = trace.dropped.map((d) => ({ ...d, call: calls[d.call]?.index ?? d.call }))
    }
    mapped.issues = call.issues.length === 0 && mapped.issues.length === 0 ? mapped.issues : [...call.issues, ...mapped.issues.map((issue) => locate(issue, call))]
    return mapped
  })
}

/** Names the call by its input index and adds the script position of the part the value came from. */
function placed(entry: Omit<Provenance, 'line' | 'column'>, calls: readonly InputCall[]): Provenance {
  const call = calls[entry.call]
  const at = call?.positions?.get(entry.from) ?? (entry.from.startsWith('context.') ? undefined : call?.position)
  return { ...entry, call: call?.index ?? entry.call, ...(at?.line !== undefined ? { line: at.line } : {}), ...(at?.column !== undefined ? { column: at.column } : {}) }
}

/** Gives a mapper issue the script position of the input part it came from (or of the call). */
function locate(issue: MapperIssue, call: InputCall): Issue {
  const { from, ...rest } = issue
  if (!call.position) return rest
  const exact = from !== undefined ? call.positions?.get(from) : undefined
  return { ...rest, ...(exact ?? call.position) }
}
