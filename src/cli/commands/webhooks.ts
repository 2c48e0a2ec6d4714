import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { createWebhookSecret, isWebhookEventName, sampleWebhookPayload, signLoopsWebhook, WEBHOOK_EVENT_NAMES, webhookSecretProblem } from '../../core/webhooks/index.ts'
import { processIo, type CommandIo } from '../webhooks/command-io.ts'
import { formatListened } from '../webhooks/format-listened.ts'
import { startWebhookListener } from '../webhooks/start-webhook-listener.ts'

const HELP = `Usage:
  loops-playground webhooks listen [--port 8790] [--host 127.0.0.1] [--secret whsec_…] [--forward-to URL] [--json]
  loops-playground webhooks trigger <event> --to URL [--secret whsec_…] [--data payload.json]

listen   A receiver for Loops webhooks. A POST on any path is verified (missing headers → 400, bad signature or a
         timestamp more than 5 minutes off → 401, each with a JSON {code, message}) and printed: one line per
         delivery (event, contact email, verified ✓), or NDJSON with --json. With --forward-to, a verified delivery
         is passed on unchanged (same headers and body) and your app's status and body are the answer.
         Without --secret it uses $LOOPS_WEBHOOK_SECRET, else makes one and prints it (give it to the mock:
         mock-server --webhook-url http://127.0.0.1:8790/ --webhook-secret <it>).
trigger  Posts one correctly signed delivery of <event> (a realistic sample payload, or --data FILE) to --to, and
         prints the receiver's status and body. Exit 0 on a 2xx, 1 otherwise.

Events: ${WEBHOOK_EVENT_NAMES.join(', ')}
`

class UsageError extends Error {
  override name = 'UsageError'
}

function readSecret(value: string | undefined, io: CommandIo, flag: string): { secret: string; generated: boolean } {
  const given = value ?? io.env?.LOOPS_WEBHOOK_SECRET
  if (given === undefined || given === '') return { secret: createWebhookSecret(crypto.getRandomValues(new Uint8Array(24))), generated: true }
  const problem = webhookSecretProblem(given)
  if (problem !== undefined) throw new UsageError(`${flag}: ${problem}`)
  return { secret: given, generated: false }
}

function readUrl(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`${flag} is required (e.g. ${flag} http://127.0.0.1:3000/webhooks/loops)`)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(`${flag} "${value}" is not a URL; write it whole, with http:// or https://`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag} "${value}" must be http or https`)
  return url.href
}

async function listen(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { port: { type: 'string' }, host: { type: 'string' }, secret: { type: 'string' }, 'forward-to': { type: 'string' }, json: { type: 'boolean' } },
  })
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}"`)
  const port = Number(values.port ?? '8790')
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${values.port ?? ''}"`)
  const { secret, generated } = readSecret(values.secret, io, '--secret')
  const forwardTo = values['forward-to'] === undefined ? undefined : readUrl(values['forward-to'], '--forward-to')
  const json = values.json === true
  const now = io.now ?? Date.now
  const listener = await startWebhookListener({
    port,
    host: values.host ?? '127.0.0.1',
    secret,
    ...(forwardTo !== undefined ? { forwardTo } : {}),
    now,
    onDelivery: (d) => io.stdout.write(json ? `${JSON.stringify(d)}\n` : formatListened(d)),
  }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'EADDRINUSE' ? `port ${port} is in use; pick another with --port (0 picks a free one)` : error.message)
  })
  const intro = [
    `Listening for Loops webhooks on ${listener.url} (any path)`,
    `  Secret:     ${secret}${generated ? '   (generated; pass it to the sender, e.g. mock-server --webhook-secret)' : ''}`,
    `  Mock:       loops-playground mock-server --webhook-url ${listener.url}/ --webhook-secret ${secret}`,
    ...(forwardTo !== undefined ? [`  Forwarding: verified deliveries → ${forwardTo}`] : []),
  ]
  ;(json ? io.stderr : io.stdout).write(`${intro.join('\n')}\n`)
  const stop = (): void => void listener.close()
  if (io.signal) io.signal.addEventListener('abort', stop, { once: true })
  else {
    process.once('SIGINT', () => void listener.close().then(() => process.exit(0)))
    process.once('SIGTERM', () => void listener.close().then(() => process.exit(0)))
  }
  return -1
}

async function readData(file: string): Promise<Record<string, unknown>> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--data: cannot read ${file} (${error.code ?? error.message})`)
  })
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new UsageError(`--data: ${file} is not JSON (${(error as Error).message})`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new UsageError(`--data: ${file} must hold one JSON object (the payload)`)
  return json as Record<string, unknown>
}

async function trigger(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { to: { type: 'string' }, secret: { type: 'string' }, data: { type: 'string' } },
  })
  const [event, ...extra] = positionals
  if (event === undefined) throw new UsageError(`name the event to send, one of: ${WEBHOOK_EVENT_NAMES.join(', ')}`)
  if (!isWebhookEventName(event)) throw new UsageError(`"${event}" is not a Loops webhook event; the events are ${WEBHOOK_EVENT_NAMES.join(', ')}`)
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0] ?? ''}"`)
  const to = readUrl(values.to, '--to')
  const { secret, generated } = readSecret(values.secret, io, '--secret')
  const now = (io.now ?? Date.now)()
  const payload = values.data === undefined ? sampleWebhookPayload(event, now) : { ...(await readData(values.data)), eventName: event }
  const body = JSON.stringify(payload)
  const id = `msg_${[...crypto.getRandomValues(new Uint8Array(12))].map((b) => b.toString(16).padStart(2, '0')).join('')}`
  const headers = { 'content-type': 'application/json', ...signLoopsWebhook({ secret, id, timestamp: Math.floor(now / 1000), body }) }
  if (generated) io.stderr.write(`Signing with a generated secret ${secret} (pass --secret to use the receiver's).\n`)
  io.stdout.write(`POST ${to}  ${event}  ${id}\n`)
  let response: Response
  try {
    response = await fetch(to, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(10_000) })
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const why = (error as Error).name === 'TimeoutError' ? 'no answer within 10 s' : cause?.code === 'ECONNREFUSED' ? 'connection refused: is the receiver running?' : `${(error as Error).message}${cause?.message ? ` (${cause.message})` : ''}`
    io.stderr.write(`loops-playground webhooks trigger: ${to}: ${why}\n`)
    return 1
  }
  const text = await response.text()
  io.stdout.write(`${response.status} ${response.statusText}\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}`)
  return response.ok ? 0 : 1
}

/** `loops-playground webhooks listen|trigger …` */
export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const [sub, ...rest] = argv
  try {
    if (sub === undefined || sub === '--help' || sub === '-h' || rest.includes('--help')) {
      io.stdout.write(HELP)
      return sub === undefined ? 2 : 0
    }
    if (sub === 'listen') return await listen(rest, io)
    if (sub === 'trigger') return await trigger(rest, io)
    throw new UsageError(`unknown subcommand "${sub}"; use listen or trigger`)
  } catch (error) {
    const usage = error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS') === true
    io.stderr.write(`loops-playground webhooks: ${(error as Error).message}${usage ? '. See --help.' : ''}\n`)
    return usage ? 2 : 1
  }
}
