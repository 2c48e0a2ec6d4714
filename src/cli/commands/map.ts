import { loadAndMap } from '../load-input.ts'
import { parseArgs, UsageError } from '../parse-args.ts'

const HELP = `Usage: loops-playground map <file|-> [--preset preset.json]

Reads Datafly.js calls and prints the Loops request each maps to: one JSON object per input call, in input
order, one per line:
  {"status":"ready"|"skipped"|"invalid","request"?:{"method","path","headers","body"},"reason"?:"…",
   "issues":[{"severity","path","message","line"?,"column"?}],"source":{"index","type","event"?}}

Input (by extension; "-" reads stdin and sniffs):
  .js              a Datafly.js script: datafly.track / identify / page / group / setConsent calls with
                   JSON-like literal arguments (parsed, never run)
  .ndjson .jsonl   one Datafly envelope per line
  .json            a JSON array of envelopes

Options:
  --preset FILE    a preset JSON file; keys left out come from the Default preset
  --help           this text

Exit codes: 0 when the input was read (skipped and invalid results included); 2 when the file cannot be read
or is not a script or envelopes (a one-line explanation goes to stderr).
`

export async function run(argv: string[]): Promise<number> {
  let file: string | undefined
  let preset: string | undefined
  try {
    const args = parseArgs(argv, ['preset'], ['help'])
    if (args.options.has('help')) {
      process.stdout.write(HELP)
      return 0
    }
    if (args.positionals.length !== 1) throw new UsageError('give exactly one input file, or - for stdin')
    file = args.positionals[0]
    const p = args.options.get('preset')
    preset = typeof p === 'string' ? p : undefined
  } catch (error) {
    process.stderr.write(`loops-playground map: ${(error as Error).message}. See --help.\n`)
    return 2
  }
  try {
    const { results, warnings } = await loadAndMap(file ?? '-', preset)
    for (const warning of warnings) process.stderr.write(`${warning}\n`)
    process.stdout.write(results.map((r) => JSON.stringify(r)).join('\n') + (results.length > 0 ? '\n' : ''))
    return 0
  } catch (error) {
    process.stderr.write(`loops-playground map: ${(error as Error).message}\n`)
    return 2
  }
}
