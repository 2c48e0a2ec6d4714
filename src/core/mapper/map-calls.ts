import type { Preset } from '../schemas/preset.ts'
import type { InputCall } from './input-call.ts'
import type { MapResult } from './map-result.ts'
import { mapOneCall } from './map-one-call.ts'
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
  const explainWith = explain ? { explain: true as const, callAt: (i: number) => calls[i] } : undefined
  return calls.map((call, i): MapResult => mapOneCall(call, identities[i] ?? null, preset, explainWith))
}
