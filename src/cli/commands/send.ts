import { writeFile } from 'node:fs/promises'
import { createSender, type SenderEvent } from '../../core/index.ts'
import { deadLetterLines } from '../dead-letter-lines.ts'
import { formatSendSummary } from '../format-send-summary.ts'
import { loadAndMap } from '../load-input.ts'
import { parseArgs, UsageError } from '../parse-args.ts'
import { createSendProgress } from '../send-progress.ts'
import { wallClock } from '../../host/wall-clock.ts'

const DEFAULT_TARGET = 'https://app.loops.so'

const HELP = `Usage: loops-playground send <file|-> [options]

Maps the input like "map", then sends every ready request through the rate-limited sender: throttled to the
team's rate before Loops has to refuse, 429/5xx/network errors retried with backoff under the event's
Idempotency-Key, 400 not retried, 409 counted as a duplicate, a rejected key (401/403) stops the run.

Options:
  --preset FILE        a preset JSON file (as for map)
  --target URL         where to send: the Loops origin (default ${DEFAULT_TARGET}), or the mock server's or
                       the proxy's URL, e.g. http://127.0.0.1:4010
  --key KEY            the Loops API key (default: $LOOPS_API_KEY). Never printed. May be left out with a
                       --target proxy that adds the key itself
  --rate N             requests per second for the key's team (default 10, Loops' limit)
  --concurrency N      requests in flight at once (default 10)
  --dead-letter FILE   write every event that was not delivered (skipped or failed) with its reason, as NDJSON
  --json               print the summary as one JSON object on stdout:
                       {"total","delivered","duplicates","skipped","failed","retries","rateLimited","elapsedMs"}
  --help               this text

On a terminal, live progress goes to stderr. Ctrl-C cancels: events without an answer are recorded as failed.
Exit codes: 0 when no event failed (skipped and duplicates included); 1 when any event failed; 2 for usage or
input errors.
`

interface SendArgs {
  file: string
  preset: string | undefined
  target: string
  key: string | undefined
  rate: number
  concurrency: number
  deadLetter: string | undefined
  json: boolean
}

function readArgs(argv: string[]): SendArgs | 'help' {
  const args = parseArgs(argv, ['preset', 'target', 'key', 'rate', 'concurrency', 'dead-letter'], ['json', 'help'])
  if (args.options.has('help')) return 'help'
  if (args.positionals.length !== 1) throw new UsageError('give exactly one input file, or - for stdin')
  const text = (name: string): string | undefined => {
    const value = args.options.get(name)
    return typeof value === 'string' ? value : undefined
  }
  const number = (name: string, fallback: number, integer: boolean): number => {
    const raw = text(name)
    if (raw === undefined) return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
      throw new UsageError(`--${name} must be a ${integer ? 'whole ' : ''}number above 0, got "${raw}"`)
    }
    return value
  }
  const target = (text('target') ?? DEFAULT_TARGET).replace(/\/+$/, '')
  let url: URL
  try {
    url = new URL(target)
  } catch {
    throw new UsageError(`--target must be an http(s) URL such as ${DEFAULT_TARGET}, got "${target}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--target must be an http(s) URL, got "${target}"`)
  const key = text('key') ?? (process.env['LOOPS_API_KEY'] || undefined)
  if (key === undefined && text('target') === undefined) {
    throw new UsageError('no API key: pass --key KEY or set LOOPS_API_KEY (or --target a proxy that adds the key)')
  }
  return {
    file: args.positionals[0] ?? '-',
    preset: text('preset'),
    target,
    key,
    rate: number('rate', 10, false),
    concurrency: number('concurrency', 10, true),
    deadLetter: text('dead-letter'),
    json: args.options.has('json'),
  }
}

export async function run(argv: string[]): Promise<number> {
  let args: SendArgs
  try {
    const read = readArgs(argv)
    if (read === 'help') {
      process.stdout.write(HELP)
      return 0
    }
    args = read
  } catch (error) {
    process.stderr.write(`loops-playground send: ${(error as Error).message}. See --help.\n`)
    return 2
  }

  let results
  try {
    const mapped = await loadAndMap(args.file, args.preset)
    for (const warning of mapped.warnings) process.stderr.write(`${warning}\n`)
    results = mapped.results
  } catch (error) {
    process.stderr.write(`loops-playground send: ${(error as Error).message}\n`)
    return 2
  }
  if (args.key === undefined) process.stderr.write('loops-playground send: no API key given; sending without Authorization (the proxy must add it)\n')

  const progress = process.stderr.isTTY ? createSendProgress(process.stderr, results.length) : undefined
  const note = (message: string): void => (progress ? progress.note(message) : void process.stderr.write(`${message}\n`))
  let slowedDown = false
  const onEvent = (event: SenderEvent): void => {
    progress?.onEvent(event)
    // One message per send: Loops may lower the limit again (each answer carries it); the progress line follows.
    if (event.type === 'rate-lowered' && !slowedDown) {
      slowedDown = true
      note(`loops-playground send: Loops reports a limit of ${event.limit} requests/second for this team; slowing down to it.`)
    }
    if (event.type === 'key-rejected') {
      note(`loops-playground send: Loops rejected the API key (${event.status} ${event.message}); stopping. Check the key and send again.`)
    }
  }
  const controller = new AbortController()
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(130)
    note('loops-playground send: cancelling (Ctrl-C again to quit at once)…')
    controller.abort(new Error('cancelled by the user'))
  }
  let sender
  try {
    sender = createSender({
      fetch: (request) => fetch(request),
      baseUrl: args.target,
      ...(args.key !== undefined ? { apiKey: args.key } : {}),
      clock: wallClock,
      rate: args.rate,
      concurrency: args.concurrency,
      onEvent,
      signal: controller.signal,
    })
  } catch (error) {
    process.stderr.write(`loops-playground send: ${(error as Error).message}. See --help.\n`)
    return 2
  }
  process.on('SIGINT', onSigint)
  let report
  try {
    report = await sender.send(results)
  } finally {
    process.off('SIGINT', onSigint)
    progress?.stop()
  }

  if (args.deadLetter !== undefined) {
    const lines = deadLetterLines(results, report)
    try {
      await writeFile(args.deadLetter, lines.map((l) => `${l}\n`).join(''))
    } catch (error) {
      process.stderr.write(`loops-playground send: cannot write ${args.deadLetter}: ${(error as Error).message}\n`)
    }
  }
  if (args.json) process.stdout.write(`${JSON.stringify(report.summary)}\n`)
  else process.stdout.write(formatSendSummary(report, args.target))
  if (args.deadLetter === undefined && report.summary.failed > 0 && !args.json) {
    process.stderr.write('Pass --dead-letter FILE to keep every event that was not delivered, with its reason.\n')
  }
  return report.summary.failed > 0 ? 1 : 0
}
