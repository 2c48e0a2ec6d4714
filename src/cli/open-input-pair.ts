import { mapOneCall } from '../core/mapper/map-one-call.ts'
import { mapCalls, type MapResult, type Preset } from '../core/index.ts'
import type { CliIo } from './cli-io.ts'
import { openMapped, type MappedInput } from './open-input.ts'

/** A call mapped under the base preset and under the preset tried. */
export type ResultPair = readonly [base: MapResult, next: MapResult]

/** An input opened for `diff`: each call's result under both presets, produced as the input is read. */
export type MappedPair = Omit<MappedInput, 'results'> & { results: AsyncIterable<ResultPair> }

/**
 * Opens `file` as `openInput` does and maps each call under `base` and under `next`. NDJSON is read twice in all,
 * not once per preset: one index pass (identities do not depend on the preset, so one index serves both), then
 * one map pass that reads, parses and resolves each line once and maps it twice. Memory grows with the visitors
 * in the index, not with the lines.
 */
export function openInputPair(file: string, base: Preset, next: Preset, io: CliIo): Promise<MappedPair> {
  return openMapped<ResultPair>(file, io, false, {
    one: (call, identity) => [mapOneCall(call, identity, base), mapOneCall(call, identity, next)],
    result: (result) => [result, result],
    all: (calls) => {
      const after = mapCalls(calls, next)
      return mapCalls(calls, base).map((result, i) => [result, after[i] as MapResult])
    },
  })
}
