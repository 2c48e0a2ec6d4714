import { computed } from '@preact/signals'
import { pointerToken } from '../../core/mapper/provenance.ts'
import { mapCalls, type MapResult } from '../../core/index.ts'
import type { DroppedInput, Provenance } from '../../core/mapper/provenance.ts'
import { jsonKeyLines } from './json-key-lines.ts'
import { mapping, presetState } from './mapping.ts'
import { requestEntries } from './request-text.ts'

/** The preview's results with their provenance: computed only when something asks (a hover, a click). */
export const explainedResults = computed((): MapResult[] => mapCalls(mapping.value.calls, presetState.value.preset, { explain: true }))

const requestKeyLines = computed(() => {
  const byLine = new Map<number, readonly (string | number)[]>()
  for (const { line, path } of jsonKeyLines(requestEntries.value)) byLine.set(line, path)
  return byLine
})

export interface RequestFieldExplained {
  result: MapResult
  pointer: string
  provenance?: Provenance
  /** the fields below a pointer that is an object (`/body/contactProperties`) */
  children: { pointer: string; provenance: Provenance }[]
}

/** What the Loops request editor shows on `line`: the body or header field there and where it came from. */
export function explainRequestLine(line: number): RequestFieldExplained | undefined {
  const path = requestKeyLines.value.get(line)
  if (!path || typeof path[0] !== 'number' || (path[1] !== 'body' && path[1] !== 'headers')) return undefined
  const result = explainedResults.value[path[0]]
  if (!result) return undefined
  const pointer = `/${path.slice(1).map((p) => pointerToken(String(p))).join('/')}`
  const provenance = result.provenance?.[pointer]
  const children = Object.entries(result.provenance ?? {})
    .filter(([p]) => p.startsWith(`${pointer}/`))
    .map(([p, entry]) => ({ pointer: p, provenance: entry }))
  return { result, pointer, ...(provenance ? { provenance } : {}), children }
}

export interface ScriptPlaceExplained {
  /** the call at that place */
  call: number
  /** the input path under the cursor (`properties.revenue`, `traits.first_name`, `event`) */
  from: string
  /** where it lands: request of which call, and pointer */
  landings: { call: number; pointer: string; provenance: Provenance }[]
  dropped: DroppedInput[]
}

/** What a place in the script becomes: the body fields it feeds, or why it is dropped. */
export function explainScriptPlace(line: number, column: number): ScriptPlaceExplained | undefined {
  const { calls } = mapping.value
  for (const call of calls) {
    if (!call.positions || !call.position) continue
    const startLine = call.position.line ?? 0
    const endLine = call.position.endLine ?? startLine
    if (line < startLine || line > endLine) continue
    let best: { from: string; span: number } | undefined
    for (const [from, at] of call.positions) {
      if (at.line === undefined || at.column === undefined || from.startsWith('#')) continue
      const endL = at.endLine ?? at.line
      const endC = at.endColumn ?? at.column
      const inside = (line > at.line || (line === at.line && column >= at.column)) && (line < endL || (line === endL && column <= endC))
      if (!inside) continue
      const span = (endL - at.line) * 10_000 + (endC - at.column)
      if (!best || span < best.span) best = { from, span }
    }
    if (!best) return undefined
    const from = best.from
    const landings: ScriptPlaceExplained['landings'] = []
    const dropped: DroppedInput[] = []
    for (const result of explainedResults.value) {
      for (const [pointer, provenance] of Object.entries(result.provenance ?? {})) {
        if (provenance.call === call.index && (provenance.from === from || provenance.from.startsWith(`${from}.`) || provenance.from.startsWith(`${from}[`))) {
          landings.push({ call: result.source.index, pointer, provenance })
        }
      }
      for (const d of result.dropped ?? []) if (d.call === call.index && d.from === from && !dropped.some((x) => x.reason === d.reason)) dropped.push(d)
    }
    return { call: call.index, from, landings, dropped }
  }
  return undefined
}
