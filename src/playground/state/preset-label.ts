import { defaultPreset, type Preset } from '../../core/index.ts'

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  return keysA.length === keysB.length && keysA.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
}

/** The preset's name as the playground shows it: a changed copy that still says "Default" is `Default (edited)`. */
export function presetLabel(preset: Preset): string {
  if (preset.name === defaultPreset.name && !sameValue(preset, defaultPreset)) return `${preset.name} (edited)`
  return preset.name
}
