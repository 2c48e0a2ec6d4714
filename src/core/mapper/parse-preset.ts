import type { Issue } from '../schemas/issue.ts'
import { Preset, PresetFile } from '../schemas/preset.ts'
import { mergePreset } from './merge-preset.ts'

export type PresetRead = { ok: true; preset: Preset } | { ok: false; issues: Issue[] }

const toIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): Issue[] =>
  issues.map((issue) => ({ severity: 'error', path: ['preset', ...issue.path.map(String)].join('.'), message: issue.message }))

/**
 * Reads a preset as a user writes it and lays it over the Default preset (see `mergePreset` for the rule), so
 * `{"contactProperties":"root"}` is a whole preset and `{"events": {"Trial Started": "trial_started"}}` keeps
 * every Default event. Every problem is reported with its path.
 */
export function parsePreset(value: unknown): PresetRead {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, issues: [{ severity: 'error', path: 'preset', message: 'A preset must be a JSON object.' }] }
  }
  const file = PresetFile.safeParse(value)
  if (!file.success) return { ok: false, issues: toIssues(file.error.issues) }
  const parsed = Preset.safeParse(mergePreset(file.data))
  if (parsed.success) return { ok: true, preset: parsed.data }
  return { ok: false, issues: toIssues(parsed.error.issues) }
}
