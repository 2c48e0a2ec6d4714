import type { Issue } from '../schemas/issue.ts'
import { Preset } from '../schemas/preset.ts'
import { defaultPreset } from './default-preset.ts'

export type PresetRead = { ok: true; preset: Preset } | { ok: false; issues: Issue[] }

/**
 * Validates a preset. Top-level keys left out are taken from the Default preset, so `{"contactProperties":"root"}`
 * is a whole preset. Every problem is reported with its path.
 */
export function parsePreset(value: unknown): PresetRead {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, issues: [{ severity: 'error', path: 'preset', message: 'A preset must be a JSON object.' }] }
  }
  const parsed = Preset.safeParse({ ...defaultPreset, ...value })
  if (parsed.success) return { ok: true, preset: parsed.data }
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      severity: 'error',
      path: ['preset', ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  }
}
