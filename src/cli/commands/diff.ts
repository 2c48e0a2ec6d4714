import { addToSummary, diffResults, emptyDiffSummary, type CallDiff, type DiffSummary } from '../../core/explain/diff-results.ts'
import { createLineWriter } from '../../host/line-writer.ts'
import type { CliIo } from '../cli-io.ts'
import { openInputPair, type MappedPair } from '../open-input-pair.ts'
import { parseCommandLine } from '../parse-command-line.ts'
import { readPresetFile } from '../read-preset-file.ts'
import { InputError, UsageError } from '../usage-error.ts'

export const HELP = `Usage: loops-playground diff <file> --preset preset.json [--base preset.json|default] [--json]

Maps the same input under two presets and prints, per call, what changed: status, endpoint, and each body or
header field added, removed or changed (JSON pointer, old and new value), then a summary: calls compared,
unchanged, changed, newly skipped, newly invalid and newly ready. Use it to see what a preset change does to
real traffic before you ship it, and to guard a preset change in CI.

Input: as for map (.js, .ndjson/.jsonl streamed at any size, .json); a file, since it is read twice.

Options:
  --preset FILE    the preset to try (required); keys left out come from the Default preset
  --base FILE      the preset to compare against, or "default" (the default)
  --json           one JSON object per changed call ({"index","type","event"?,"status"?,"endpoint"?,
                   "reason"?,"changes":[{"pointer","kind","old"?,"new"?}]}), then {"summary":{…}}
  -h, --help       this text

Exit codes: 0 when nothing changed, 1 when some call changed, 2 when the input or a preset cannot be read.
`

const show = (value: unknown): string => JSON.stringify(value)

/** One changed call as text lines. */
export function formatCallDiff(diff: CallDiff): string {
  const lines = [`#${diff.index + 1} ${diff.type}${diff.event !== undefined ? ` ${show(diff.event)}` : ''}`]
  if (diff.status) lines.push(`  status: ${diff.status.from} → ${diff.status.to}`)
  if (diff.endpoint) lines.push(`  endpoint: ${diff.endpoint.from ?? '(none)'} → ${diff.endpoint.to ?? '(none)'}`)
  if (diff.reason) lines.push(`  reason: ${diff.reason.to ?? '(none)'}`)
  for (const change of diff.changes) {
    if (change.kind === 'added') lines.push(`  + ${change.pointer}: ${show(change.new)}`)
    else if (change.kind === 'removed') lines.push(`  - ${change.pointer}: ${show(change.old)}`)
    else lines.push(`  ~ ${change.pointer}: ${show(change.old)} → ${show(change.new)}`)
  }
  return lines.join('\n')
}

export function formatSummary(s: DiffSummary): string {
  return `${s.compared} calls compared: ${s.unchanged} unchanged, ${s.changed} changed (${s.newlySkipped} newly skipped, ${s.newlyInvalid} newly invalid, ${s.newlyReady} newly ready)`
}

/**
 * `loops-playground diff`: NDJSON is read twice in all, whatever the two presets: one identity index pass shared by
 * both sides, then one pass that maps each line under both presets, prints what changed (awaiting stdout's drain,
 * so output never queues up in memory) and folds it into the summary's counters. Memory grows with the visitors
 * in the index, not with the lines.
 */
export async function run(argv: string[], io: CliIo): Promise<number> {
  let file: string
  let presetFile: string
  let baseFile: string | undefined
  let json: boolean
  try {
    const args = parseCommandLine(argv, { preset: { type: 'string' }, base: { type: 'string' }, json: { type: 'boolean' } })
    if (args.help) {
      io.stdout.write(HELP)
      return 0
    }
    if (args.positionals.length !== 1) throw new UsageError('give exactly one input file')
    file = args.positionals[0] ?? '-'
    if (file === '-') throw new UsageError('diff reads its input twice, so it takes a file, not stdin: save it to a file first')
    const preset = args.values['preset']
    if (typeof preset !== 'string') throw new UsageError('--preset is required: the preset to compare with the base')
    presetFile = preset
    const base = args.values['base']
    baseFile = typeof base === 'string' && base !== 'default' ? base : undefined
    json = args.values['json'] === true
  } catch (error) {
    io.stderr.write(`loops-playground diff: ${(error as Error).message}. See --help.\n`)
    return 2
  }
  let input: MappedPair
  try {
    const basePreset = await readAs('--base', baseFile, io)
    const nextPreset = await readAs('--preset', presetFile, io)
    input = await openInputPair(file, basePreset, nextPreset, io)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    io.stderr.write(`loops-playground diff: ${error.message}\n`)
    return 2
  }
  const out = createLineWriter(io.stdout)
  const summary = emptyDiffSummary()
  try {
    for await (const [before, after] of input.results) {
      const diff = diffResults(before, after)
      addToSummary(summary, before, after, diff)
      if (diff) await out.write(json ? JSON.stringify(diff) : formatCallDiff(diff))
    }
  } finally {
    await input.close()
  }
  await out.write(json ? JSON.stringify({ summary }) : formatSummary(summary))
  return summary.changed > 0 ? 1 : 0
}

/** readPresetFile, its errors naming the flag the file came from. */
async function readAs(flag: '--base' | '--preset', file: string | undefined, io: CliIo) {
  try {
    return await readPresetFile(file, io)
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.message.replace(/^--preset:/, `${flag}:`), { cause: error })
    throw error
  }
}
