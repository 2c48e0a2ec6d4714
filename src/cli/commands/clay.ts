import { readFile, writeFile } from 'node:fs/promises'
import { clayTableFormatOf, ClayTableError, parseClayTable, type ClayTable } from '../../clay/parse-clay-table.ts'
import { ClayEndpointError, parseBodyTemplate, readClayEndpoint, runClay, toMapResult, planClayRows, describePosition } from '../../core/clay/index.ts'
import type { ClayEndpoint, ClayOutcome, ParsedTemplate } from '../../core/clay/index.ts'
import type { SenderEvent } from '../../core/index.ts'
import { wallClock } from '../../host/wall-clock.ts'
import { deadLetterLines } from '../dead-letter-lines.ts'
import { formatSendSummary, summaryOf } from '../format-send-summary.ts'
import type { CliIo } from '../cli-io.ts'
import { parseCommandLine } from '../parse-command-line.ts'
import { readNumber } from '../read-number.ts'
import { UsageError } from '../usage-error.ts'
import { createSendProgress } from '../send-progress.ts'

const DEFAULT_TARGET = 'https://app.loops.so'

const HELP = `Usage: loops-playground clay <rows.csv|rows.ndjson|rows.json> --method PUT|POST --endpoint URL --body FILE [options]

Syncs a Clay table export into Loops as Clay's HTTP API column does: each row is rendered through the body
template ({{Column name}} tokens: "{{Email}}" inserts the value as JSON text, a bare {{Seats}} the raw value)
and sent through the rate-limited sender (429/5xx retried with backoff, as "send" does).

Options:
  --method PUT|POST    PUT for contacts/update, POST for events/send
  --endpoint URL       https://app.loops.so/api/v1/contacts/update or …/events/send (or the /api/v1/… path);
                       only the path counts, the request goes to --target
  --body FILE          the body template (JSON with {{Column name}} tokens)
  --only-if COLUMN     "Only run if": send a row only when this column is non-empty and not false
                       (other rows are skipped, which counts as done)
  --remove-empty       "Remove null & undefined values": drop keys whose value is null
  --target URL         the Loops origin (default ${DEFAULT_TARGET}), or a mock server's or proxy's URL
  --key KEY            the Loops API key (default: $LOOPS_API_KEY); never printed
  --rate N             requests per second (default 10, Loops' limit)
  --dead-letter FILE   write every row that was not sent successfully (skipped or failed), as NDJSON
  --json               print one JSON object per row on stdout as it ends:
                       {"row","status":"success"|"skipped"|"failed","httpStatus"?,"message"?,"attempts"}
  -h, --help           this text

A bad template, a column the file does not have, or an unreadable file is an error before anything is sent.
Exit codes: 0 when no row failed (skipped rows included); 1 when any row failed; 2 for usage or input errors.
`

/** Where a command writes; the process's streams by default, a test's in tests. */
export interface ClayIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown; isTTY?: boolean }
  env: Record<string, string | undefined>
  fetch?: (request: Request) => Promise<Response>
  /** Signal hooks and exiting, from the command line's io (the process's by default). */
  onSignal?: CliIo['onSignal']
  exit?: CliIo['exit']
}

const processIo = (): ClayIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env })

class InputError extends Error {
  override name = 'InputError'
}

interface ClayArgs {
  file: string
  endpoint: ClayEndpoint
  template: ParsedTemplate
  table: ClayTable
  onlyIf: string | undefined
  removeEmpty: boolean
  target: string
  key: string | undefined
  rate: number
  json: boolean
  deadLetter: string | undefined
}

async function readArgs(argv: string[], io: ClayIo): Promise<ClayArgs | 'help'> {
  const args = parseCommandLine(argv, {
    method: { type: 'string' },
    endpoint: { type: 'string' },
    body: { type: 'string' },
    'only-if': { type: 'string' },
    'remove-empty': { type: 'boolean' },
    target: { type: 'string' },
    key: { type: 'string' },
    rate: { type: 'string' },
    json: { type: 'boolean' },
    'dead-letter': { type: 'string' },
  })
  if (args.help) return 'help'
  const { positionals } = args
  const values = args.values as {
    method?: string
    endpoint?: string
    body?: string
    'only-if'?: string
    'remove-empty'?: boolean
    target?: string
    key?: string
    rate?: string
    json?: boolean
    'dead-letter'?: string
  }
  if (positionals.length !== 1) throw new InputError('give exactly one table file (.csv, .ndjson or .json)')
  const file = positionals[0] as string
  if (values.method === undefined) throw new InputError('--method PUT|POST is required')
  if (values.endpoint === undefined) throw new InputError('--endpoint is required (e.g. https://app.loops.so/api/v1/contacts/update)')
  if (values.body === undefined) throw new InputError('--body FILE (the body template) is required')
  const endpoint = readClayEndpoint(values.endpoint, values.method)
  const rate = values.rate === undefined ? 10 : readNumber('rate', values.rate, { integer: false, min: 0, above: true })
  const target = (values.target ?? DEFAULT_TARGET).replace(/\/+$/, '')
  if (!/^https?:\/\/[^/]/.test(target)) throw new InputError(`--target must be an http(s) URL such as ${DEFAULT_TARGET}, got "${target}"`)
  const key = values.key ?? (io.env['LOOPS_API_KEY'] || undefined)
  if (key === undefined && values.target === undefined) throw new InputError('no API key: pass --key KEY or set LOOPS_API_KEY')

  const format = clayTableFormatOf(file)
  if (!format) throw new InputError(`cannot tell the format of "${file}": name it .csv, .ndjson (or .jsonl) or .json`)
  const tableText = await readText(file, 'table file')
  let table: ClayTable
  try {
    table = parseClayTable(tableText, format)
  } catch (error) {
    if (error instanceof ClayTableError) throw new InputError(`${file}: ${error.message}`)
    throw error
  }
  const template = parseBodyTemplate(await readText(values.body, 'body template'))
  const first = template.issues[0]
  if (first) throw new InputError(`${values.body} ${describePosition(first.start)}: ${first.message}`)
  const known = new Set(table.columns)
  const missing = template.columns.filter((c) => !known.has(c))
  if (missing.length > 0) {
    throw new InputError(
      `the template uses ${missing.map((c) => `{{${c}}}`).join(', ')} but ${file} has no such column (its columns: ${table.columns.join(', ') || 'none'})`,
    )
  }
  const onlyIf = values['only-if']
  if (onlyIf !== undefined && !known.has(onlyIf)) throw new InputError(`--only-if ${onlyIf}: ${file} has no such column (its columns: ${table.columns.join(', ')})`)
  return {
    file,
    endpoint,
    template,
    table,
    onlyIf,
    removeEmpty: values['remove-empty'] === true,
    target,
    key,
    rate,
    json: values.json === true,
    deadLetter: values['dead-letter'],
  }
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(`cannot read the ${what} ${path}${code === 'ENOENT' ? ': no such file' : ` (${(error as Error).message})`}`)
  }
}

export async function run(argv: string[], io: ClayIo = processIo()): Promise<number> {
  let args: ClayArgs
  try {
    const read = await readArgs(argv, io)
    if (read === 'help') {
      io.stdout.write(HELP)
      return 0
    }
    args = read
  } catch (error) {
    const known = error instanceof InputError || error instanceof UsageError || error instanceof ClayEndpointError
    if (!known) throw error
    io.stderr.write(`loops-playground clay: ${(error as Error).message}. See --help.\n`)
    return 2
  }

  const progress = io.stderr.isTTY ? createSendProgress(io.stderr, args.table.rows.length, wallClock) : undefined
  const note = (message: string): void => (progress ? progress.note(message) : void io.stderr.write(`${message}\n`))
  const onEvent = (event: SenderEvent): void => {
    progress?.onEvent(event)
    if (event.type === 'key-rejected') note(`loops-playground clay: Loops rejected the API key (${event.status} ${event.message}); stopping.`)
  }
  const onOutcome = (outcome: ClayOutcome): void => {
    if (args.json) {
      const { row, status, httpStatus, message, attempts } = outcome
      io.stdout.write(`${JSON.stringify({ row, status, ...(httpStatus !== undefined ? { httpStatus } : {}), ...(message !== undefined ? { message } : {}), attempts })}\n`)
    } else if (!progress && outcome.status === 'failed') {
      note(`row ${outcome.row}: ${outcome.httpStatus ?? 'not sent'} ${outcome.message ?? ''}`.trimEnd())
    }
  }
  const controller = new AbortController()
  const onSigint = (): void => {
    if (controller.signal.aborted) {
      ;(io.exit ?? process.exit)(130)
      return
    }
    note('loops-playground clay: cancelling (Ctrl-C again to quit at once)…')
    controller.abort(new Error('cancelled by the user'))
  }
  const plan = { template: args.template, endpoint: args.endpoint, columns: args.table.columns, onlyIf: args.onlyIf, removeEmpty: args.removeEmpty }
  const onSignal = io.onSignal ?? ((signal, handler) => (process.on(signal, handler), () => void process.off(signal, handler)))
  const offSignals = [onSignal('SIGINT', onSigint), onSignal('SIGTERM', onSigint)]
  let result
  try {
    result = await runClay({
      ...plan,
      rows: args.table.rows,
      sender: {
        fetch: io.fetch ?? ((request) => fetch(request)),
        baseUrl: args.target,
        ...(args.key !== undefined ? { apiKey: args.key } : {}),
        clock: wallClock,
        rate: args.rate,
        onEvent,
      },
      onOutcome,
      signal: controller.signal,
    })
  } finally {
    for (const off of offSignals) off()
    progress?.stop()
  }
  const { report } = result
  if (args.deadLetter !== undefined) {
    const results = planClayRows(args.table.rows, plan).map(toMapResult)
    try {
      await writeFile(args.deadLetter, deadLetterLines(results, report).map((l) => `${l}\n`).join(''))
    } catch (error) {
      io.stderr.write(`loops-playground clay: cannot write ${args.deadLetter}: ${(error as Error).message}\n`)
    }
  }
  const summary = formatSendSummary(summaryOf(report, args.target)).replace(/^(\d+) events/, '$1 rows')
  if (args.json) io.stderr.write(summary)
  else io.stdout.write(summary)
  return report.summary.failed > 0 ? 1 : 0
}
