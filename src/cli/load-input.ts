import { inputKindOf, mapCalls, parsePreset, readInput, type MapResult, type Preset, defaultPreset } from '../core/index.ts'
import { readSource } from './read-source.ts'

/**
 * What `map` and `send` share: read the input and the preset, map every call. Rejects with a one-line message
 * (exit 2) when the input or preset cannot be read.
 */
export async function loadAndMap(file: string, presetFile: string | undefined): Promise<{ results: MapResult[]; warnings: string[] }> {
  const text = await readSource(file)
  let preset: Preset = defaultPreset
  if (presetFile !== undefined) {
    let json: unknown
    try {
      json = JSON.parse(await readSource(presetFile))
    } catch (error) {
      throw new Error(`${presetFile} is not JSON: ${(error as Error).message}`, { cause: error })
    }
    const read = parsePreset(json)
    if (!read.ok) throw new Error(`${presetFile} is not a valid preset: ${read.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
    preset = read.preset
  }
  const read = readInput(text, inputKindOf(file === '-' ? undefined : file, text))
  if (!read.ok) throw new Error(`${file === '-' ? 'stdin' : file}: ${read.message}`)
  const warnings = read.issues.map((i) => `${file}${i.line !== undefined ? `:${i.line}:${i.column ?? 1}` : ''}: ${i.severity}: ${i.message}`)
  return { results: mapCalls(read.calls, preset), warnings }
}
