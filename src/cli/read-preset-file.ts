import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { defaultPreset, parsePreset, type Preset } from '../core/index.ts'
import type { CliIo } from './cli-io.ts'
import { why } from './open-input.ts'
import { InputError } from './usage-error.ts'

/** The preset of `--preset FILE` (the Default preset without it). Throws InputError saying what is wrong. */
export async function readPresetFile(file: string | undefined, io: CliIo): Promise<Preset> {
  if (file === undefined) return defaultPreset
  let text: string
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8')
  } catch (error) {
    throw new InputError(`--preset: cannot read ${file}: ${why(error)}`, { cause: error })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new InputError(`--preset: ${file} is not JSON: ${(error as Error).message}`, { cause: error })
  }
  const read = parsePreset(json)
  if (!read.ok) throw new InputError(`--preset: ${file} is not a valid preset: ${read.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
  return read.preset
}
