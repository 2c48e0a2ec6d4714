import { createWriteStream } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { createSender, type MapResult, type SenderEvent, type SendOutcome } from '../../core/index.ts'
import type { SendEachReport } from '../../core/sender/send-each.ts'
import { createTimelineBuilder } from '../../core/explain/build-timeline.ts'
import { renderTimelinePage } from '../../core/explain/render-timeline-page.ts'
import { openFileJournal, type FileJournal } from '../../host/file-journal.ts'
import { createLineWriter } from '../../host/line-writer.ts'
import type { CliIo } from '../cli-io.ts'
import { deadLetterLine } from '../dead-letter-lines.ts'
import { createReasonTally, formatSendSummary } from '../format-send-summary.ts'
import { journalKey } from '../journal-key.ts'
import { openInput, why, type MappedInput } from '../open-input.ts'
import { parseCommandLine } from '../parse-command-line.ts'
import { readNumber } from '../read-number.ts'
import { readPresetFile } from '../read-preset-file.ts'
import { createPlainProgress, createSendProgress, type SendProgress } from '../send-progress.ts'
import { InputError, UsageError } from '../usage-error.ts'

const DEFAULT_TARGET = 'https://app.loops.so'
/** Connection failures, before any answer at all, after which `send` gives up on the target. */
export const UNREACHABLE_TRIES = 3

export const HELP = `Usage: loops-playground send <file|-> [options]

Maps the input like "map", then sends every ready request through the rate-limited sender: throttled to the
team's rate before Loops has to refuse, 429/5xx/network errors retried with backoff under the event's
Idempotency-Key, 400 not retried, 409 counted as a duplicate, a rejected key (401/403) stops the run. NDJSON
input (envelopes, or a dead-letter file) is read, mapped, sent and recorded line by line, in bounded memory.

Options:
  --preset FILE        a preset JSON file (as for map)
  --target URL         where to send: the Loops origin (default ${DEFAULT_TARGET}), or the mock server's or
                       the proxy's URL, e.g. http://127.0.0.1:4010
  --key KEY            the Loops API key (default: $LOOPS_API_KEY). Never printed. May be left out with a
                       --target proxy that adds the key itself
  --rate N             requests per second for the key's team (default 10, Loops' limit)
  --concurrency N      requests in flight at once (default 10)
  --dead-letter FILE   write every event that was not delivered (skipped or failed) with its reason, as NDJSON,
                       while the run goes; the file can be fixed and sent again as it is: send FILE
  --journal FILE       an append-only record of each event's outcome, written as it happens; a run with the same
                       journal sends only the events without a final outcome in it (delivered, duplicate or
                       rejected with 400), so a killed run resumes where it stopped
  --timeline FILE      write the run's timeline as a self-contained HTML page: every attempt on the sender's
                       clock coloured by its answer, the waits (rate spacing, backoff, Retry-After), the
                       rate-limit budget and the queue depth (the first 20,000 marks are drawn; counts cover all)
  --progress-interval S  when stderr is not a terminal, print a plain progress line at most every S seconds
                       (default 5; 0 prints one per event)
  --json               print the summary as one JSON object on stdout:
                       {"total","delivered","duplicates","skipped","failed","retries","rateLimited","elapsedMs"}
                       plus "journaled" (events an earlier run finished) with --journal
  -h, --help           this text

On a terminal, live progress goes to stderr. Ctrl-C or SIGTERM cancels: events without an answer are recorded
as failed (cancelled), the summary and the dead-letter file are written; Ctrl-C again quits at once. When the
target refuses connections and nothing has answered yet, the run stops after ${UNREACHABLE_TRIES} failed tries.
Exit codes: 0 when no event failed (skipped and duplicates included); 1 when any event failed or the run was
cancelled; 2 for usage or input errors.
`

interface SendArgs {
  file: string
  preset: string | undefined
  target: string
  key: string | undefined
  rate: number
  concurrency: number
  deadLetter: string | undefined
  journal: string | undefined
  timeline: string | undefined
  progressMs: number
  json: boolean
}

function readArgs(argv: string[], env: CliIo['env']): SendArgs | 'help' {
  const args = parseCommandLine(argv, {
    preset: { type: 'string' },
    target: { type: 'string' },
    key: { type: 'string' },
    rate: { type: 'string' },
    concurrency: { type: 'string' },
    'dead-letter': { type: 'string' },
    journal: { type: 'string' },
    timeline: { type: 'string' },
    'progress-interval': { type: 'string' },
    json: { type: 'boolean' },
  })
  if (args.help) return 'help'
  if (args.positionals.length !== 1) throw new UsageError('give exactly one input file, or - for stdin')
  const text = (name: string): string | undefined => args.values[name] as string | undefined
  const number = (name: string, fallback: number, range: Parameters<typeof readNumber>[2]): number => {
    const raw = text(name)
    return raw === undefined ? fallback : readNumber(name, raw, range)
  }
  const target = (text('target') ?? DEFAULT_TARGET).replace(/\/+$/, '')
  let url: URL
  try {
    url = new URL(target)
  } catch {
    throw new UsageError(`--target must be an http(s) URL such as ${DEFAULT_TARGET}, got "${target}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--target must be an http(s) URL, got "${target}"`)
  const key = text('key') ?? (env['LOOPS_API_KEY'] || undefined)
  if (key === undefined && text('target') === undefined) {
    throw new UsageError('no API key: pass --key KEY or set LOOPS_API_KEY (or --target a proxy that adds the key)')
  }
  return {
    file: args.positionals[0] ?? '-',
    preset: text('preset'),
    target,
    key,
    rate: number('rate', 10, { integer: false, min: 0, above: true }),
    concurrency: number('concurrency', 10, { integer: true, min: 1, max: 10_000 }),
    deadLetter: text('dead-letter'),
    journal: text('journal'),
    timeline: text('timeline'),
    progressMs: number('progress-interval', 5, { integer: false, min: 0 }) * 1000,
    json: args.values['json'] === true,
  }
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const fail = (message: string, usage = false): number => {
    io.stderr.write(`loops-playground send: ${message}${usage ? '. See --help.' : ''}\n`)
    return 2
  }
  let args: SendArgs
  try {
    const read = readArgs(argv, io.env)
    if (read === 'help') {
      io.stdout.write(HELP)
      return 0
    }
    args = read
  } catch (error) {
    return fail((error as Error).message, true)
  }

  const controller = new AbortController()
  let unreachable: string | undefined
  let answered = false
  let refusals = 0
  let slowedDown = false
  const events: ((event: SenderEvent) => void)[] = []
  const timeline = args.timeline !== undefined ? createTimelineBuilder() : undefined
  if (timeline) events.push((event) => timeline.add(event))
  const onEvent = (event: SenderEvent): void => {
    for (const listener of events) listener(event)
    if (event.type === 'response') answered = true
    // One message per send: Loops may lower the limit again (each answer carries it); the progress line follows.
    if (event.type === 'rate-lowered' && !slowedDown) {
      slowedDown = true
      note(`loops-playground send: Loops reports a limit of ${event.limit} requests/second for this team; slowing down to it.`)
    }
    if (event.type === 'retry' && event.reason === 'network-error' && !answered && ++refusals === UNREACHABLE_TRIES) {
      unreachable = `Nothing answers at ${args.target} (${networkCode(event.error)}, ${UNREACHABLE_TRIES} tries): is the server running, and is --target right? Stopped before anything was delivered.`
      controller.abort(new Error('the target does not answer'))
    }
  }
  let sender
  try {
    sender = createSender({
      fetch: io.fetch,
      baseUrl: args.target,
      ...(args.key !== undefined ? { apiKey: args.key } : {}),
      clock: io.clock,
      rate: args.rate,
      concurrency: args.concurrency,
      onEvent,
      signal: controller.signal,
    })
  } catch (error) {
    return fail((error as Error).message, true)
  }

  // from here on Ctrl-C and SIGTERM cancel (also while the input is indexed): every event is still recorded
  const display: { progress?: SendProgress } = {}
  const note = (message: string): void => void (display.progress ? display.progress.note(message) : io.stderr.write(`${message}\n`))
  const onSignal = (): void => {
    if (controller.signal.aborted) {
      io.exit(130)
      return
    }
    note('loops-playground send: cancelling (Ctrl-C again to quit at once)…')
    controller.abort(new Error('cancelled by the user'))
  }
  const offSignals = [io.onSignal('SIGINT', onSignal), io.onSignal('SIGTERM', onSignal)]
  const offAll = (): void => {
    for (const off of offSignals) off()
  }

  let input: MappedInput
  try {
    input = await openInput(args.file, await readPresetFile(args.preset, io), io)
  } catch (error) {
    offAll()
    if (!(error instanceof InputError)) throw error
    return fail(error.message)
  }
  let journal: FileJournal | undefined
  let deadLetter: ReturnType<typeof createWriteStream> | undefined
  try {
    if (args.journal !== undefined) journal = await openFileJournal(resolve(io.cwd, args.journal))
    if (args.deadLetter !== undefined) {
      deadLetter = createWriteStream(resolve(io.cwd, args.deadLetter))
      await once(deadLetter, 'open')
    }
  } catch (error) {
    offAll()
    await input.close()
    journal?.close()
    const which = journal === undefined && args.journal !== undefined ? args.journal : (args.deadLetter ?? '')
    return fail(`cannot write ${which}: ${why(error)}`)
  }

  for (const warning of input.warnings) io.stderr.write(`${warning}\n`)
  if (journal && journal.doneAtOpen + journal.ignoredAtOpen > 0) {
    io.stderr.write(
      `loops-playground send: the journal has ${journal.doneAtOpen} finished events; they are not sent again` +
        (journal.ignoredAtOpen > 0 ? ` (${journal.ignoredAtOpen} unreadable line(s) ignored, e.g. one torn by a crash)` : '') +
        '.\n',
    )
  }
  if (args.key === undefined) io.stderr.write('loops-playground send: no API key given; sending without Authorization (the proxy must add it)\n')

  const shown = io.stderr.isTTY === true ? createSendProgress(io.stderr, input.total, io.clock) : createPlainProgress(io.stderr, input.total, io.clock, args.progressMs)
  display.progress = shown
  events.push((event) => shown.onEvent(event))

  let journaled = 0
  const activeJournal = journal
  let pulled = 0
  async function* pending(): AsyncGenerator<MapResult> {
    for await (const result of input.results) {
      if (activeJournal && result.request && result.status === 'ready' && activeJournal.isDone(journalKey(result.request))) {
        journaled++
        shown.journaled()
        continue
      }
      // the streaming sender emits no "queued" events: the timeline learns each event's arrival here
      timeline?.add({ type: 'queued', index: pulled++, total: input.total, at: io.clock.now() })
      yield result
    }
  }
  const reasons = createReasonTally()
  const keyFailures = { refused: 0, notSent: 0 }
  const deadLetterOut = deadLetter ? createLineWriter(deadLetter) : undefined
  const onOutcome = async (_index: number, outcome: SendOutcome, result: MapResult): Promise<void> => {
    if (outcome.status === 'failed') {
      if (outcome.code === 'api-key') keyFailures.refused++
      else if (outcome.code === 'not-sent') keyFailures.notSent++
      else if (outcome.code === 'cancelled' && unreachable !== undefined) reasons.add('not sent: the target does not answer')
      else reasons.add(outcome.reason)
    }
    if (journal && result.request && !(outcome.status === 'skipped' || (outcome.status === 'failed' && outcome.code === 'invalid'))) {
      const final = outcome.status !== 'failed' || outcome.code === 'rejected'
      journal.record({
        key: journalKey(result.request),
        status: outcome.status as 'delivered' | 'duplicate' | 'failed',
        ...(outcome.status === 'failed' ? { code: outcome.code } : {}),
        ...('httpStatus' in outcome && outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
        final,
        index: result.source.index,
      })
    }
    const line = deadLetterOut ? deadLetterLine(outcome, result) : undefined
    if (line !== undefined) await deadLetterOut?.write(line)
  }

  let report: SendEachReport
  try {
    report = await sender.sendEach(pending(), onOutcome)
  } finally {
    offAll()
    shown.stop()
    journal?.close()
    await input.close()
  }
  if (deadLetter) {
    const stream = deadLetter
    const ended = new Promise<void>((resolveEnd) => {
      stream.once('error', (error) => {
        io.stderr.write(`loops-playground send: cannot write ${args.deadLetter}: ${why(error)}\n`)
        resolveEnd()
      })
      stream.end(() => resolveEnd())
    })
    await ended
  }

  if (timeline && args.timeline !== undefined) {
    try {
      await writeFile(resolve(io.cwd, args.timeline), renderTimelinePage(timeline.timeline(), `loops-playground send ${args.file} → ${args.target}`))
    } catch (error) {
      io.stderr.write(`loops-playground send: cannot write the timeline ${args.timeline}: ${why(error)}\n`)
    }
  }
  const summary = { ...report.summary, ...(journal ? { journaled } : {}) }
  if (args.json) io.stdout.write(`${JSON.stringify(summary)}\n`)
  else {
    io.stdout.write(
      formatSendSummary({
        report,
        target: args.target,
        reasons: reasons.top(),
        keyFailures,
        ...(journal ? { journaled } : {}),
        ...(unreachable !== undefined ? { unreachable } : {}),
      }),
    )
  }
  if (args.json && unreachable !== undefined) io.stderr.write(`loops-playground send: ${unreachable}\n`)
  if (args.deadLetter === undefined && report.summary.failed > 0 && !args.json) {
    io.stderr.write('Pass --dead-letter FILE to keep every event that was not delivered, with its reason.\n')
  }
  return report.summary.failed > 0 || report.cancelled ? 1 : 0
}

/** The system error code under a fetch failure (ECONNREFUSED, ENOTFOUND…), or its message. */
function networkCode(error: Error): string {
  let deepest: Error = error
  let cause: unknown = error.cause
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    const code = (cause as NodeJS.ErrnoException).code
    if (typeof code === 'string') return code
    deepest = cause
    cause = cause.cause
  }
  return deepest.message
}
