import { createLineWriter } from '../../host/line-writer.ts'
import type { CliIo } from '../cli-io.ts'
import { openInput } from '../open-input.ts'
import { parseCommandLine } from '../parse-command-line.ts'
import { readPresetFile } from '../read-preset-file.ts'
import { InputError, UsageError } from '../usage-error.ts'

export const HELP = `Usage: loops-playground map <file|-> [--preset preset.json] [--explain]

Reads Datafly.js calls and prints the Loops request each maps to: one JSON object per input call, in input
order, one per line:
  {"status":"ready"|"skipped"|"invalid","request"?:{"method","path","headers","body"},"reason"?:"…",
   "issues":[{"severity","path","message","line"?,"column"?}],"source":{"index","type","event"?}}

Input (by extension; "-" reads stdin and sniffs; a file without extension is sniffed too):
  .js              a Datafly.js script: datafly.track / identify / page / group / setConsent calls with
                   JSON-like literal arguments (parsed, never run)
  .ndjson .jsonl   one Datafly envelope per line, or the lines of a send --dead-letter file. Streamed at any
                   size: read once to resolve identities, then mapped and printed line by line
  .json            a JSON array of envelopes
Any other extension (.txt, .csv…) is refused.

Options:
  --preset FILE    a preset JSON file; keys left out come from the Default preset
  --explain        each line also says where every body field came from and what was dropped:
                   "provenance":{"<JSON pointer>":{"call","line"?,"column"?,"from","rule","transform"?}},
                   "dropped":[{"call","from","reason","route"?}]
  -h, --help       this text

Exit codes: 0 when the input was read (skipped and invalid results included); 2 when the file cannot be read
or is not a script or envelopes (a one-line explanation goes to stderr).
`

export async function run(argv: string[], io: CliIo): Promise<number> {
  let file: string
  let presetFile: string | undefined
  let explain = false
  try {
    const args = parseCommandLine(argv, { preset: { type: 'string' }, explain: { type: 'boolean' } })
    if (args.help) {
      io.stdout.write(HELP)
      return 0
    }
    if (args.positionals.length !== 1) throw new UsageError('give exactly one input file, or - for stdin')
    file = args.positionals[0] ?? '-'
    presetFile = args.values['preset'] as string | undefined
    explain = args.values['explain'] === true
  } catch (error) {
    io.stderr.write(`loops-playground map: ${(error as Error).message}. See --help.\n`)
    return 2
  }
  let input
  try {
    input = await openInput(file, await readPresetFile(presetFile, io), io, { explain })
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    io.stderr.write(`loops-playground map: ${error.message}\n`)
    return 2
  }
  try {
    for (const warning of input.warnings) io.stderr.write(`${warning}\n`)
    const out = createLineWriter(io.stdout)
    for await (const result of input.results) await out.write(JSON.stringify(result))
  } finally {
    await input.close()
  }
  return 0
}
