import { computed } from '@preact/signals'
import {
  defaultPreset,
  mapCalls,
  parsePreset,
  readScript,
  type Issue,
  type MapResult,
  type Preset,
  type ScriptCall,
} from '../../core/index.ts'
import { presetText, scriptText } from './source.ts'

export interface PresetState {
  /** The preset the preview uses: the typed one when valid, else the last valid one. */
  preset: Preset
  /** Why the typed preset is not in use (empty when it is). */
  issues: Issue[]
}

let lastGoodPreset: Preset = defaultPreset

export const presetState = computed((): PresetState => {
  let value: unknown
  try {
    value = JSON.parse(presetText.value)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { preset: lastGoodPreset, issues: [{ severity: 'error', path: 'preset', message: `Not JSON: ${message}` }] }
  }
  const read = parsePreset(value)
  if (!read.ok) return { preset: lastGoodPreset, issues: read.issues }
  lastGoodPreset = read.preset
  return { preset: read.preset, issues: [] }
})

export interface MappingState {
  /** The calls of the last script that parsed. */
  calls: ScriptCall[]
  results: MapResult[]
  /** Script-level issues of the script as typed (a syntax error, ignored statements). */
  scriptIssues: Issue[]
  /** true when the script as typed does not parse and the preview shows the last one that did. */
  stale: boolean
}

let lastGood: Pick<MappingState, 'calls' | 'results'> = { calls: [], results: [] }

/** The live preview: the pure core on every edit (readScript → mapCalls). Nothing typed is ever run. */
export const mapping = computed((): MappingState => {
  const read = readScript(scriptText.value)
  const preset = presetState.value.preset
  if (!read.parsed) {
    const results = lastGood.calls.length ? mapCalls(lastGood.calls, preset) : []
    return { calls: lastGood.calls, results, scriptIssues: read.issues, stale: true }
  }
  lastGood = { calls: read.calls, results: [] }
  return { calls: read.calls, results: mapCalls(read.calls, preset), scriptIssues: read.issues, stale: false }
})
