import type { Preset } from '../schemas/preset.ts'
import type { InputCall } from './input-call.ts'
import type { MapResult } from './map-result.ts'
import { mapOneCall } from './map-one-call.ts'
import { resolveIdentities } from './resolve-identities.ts'

/**
 * Maps a session of calls (a script, or a file of envelopes) to one result per call, in input order.
 * Identity is resolved over the whole session first, so an event before `identify` still reaches its contact.
 */
export function mapCalls(calls: readonly InputCall[], preset: Preset): MapResult[] {
  const identities = resolveIdentities(calls.map((call) => call.envelope))
  return calls.map((call, i): MapResult => mapOneCall(call, identities[i] ?? null, preset))
}
