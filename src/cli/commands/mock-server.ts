import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { startHttpServerMock, type HttpServerMock } from '../../../mock-server/hosts/http-server.ts'
import { parseSeed } from '../../../mock-server/parse-seed.ts'
import type { MockSeed } from '../../../mock-server/types.ts'
import type { CliIo } from '../cli-io.ts'
import { parseCommandLine } from '../parse-command-line.ts'
import { readNumber } from '../read-number.ts'
import { UsageError } from '../usage-error.ts'
import { readWebhookFlags } from '../webhooks/read-webhook-flags.ts'

export const HELP = `Usage: loops-playground mock-server [--port 4010] [--host 127.0.0.1] [--keys key=Team,…] [--rate-limit 10] [--seed seed.json] [--json]
       [--webhook-url URL] [--webhook-secret whsec_…] [--webhook-events contact.created,…]

Runs the mock Loops API on a real port: the API under /api/v1 (as https://app.loops.so/api/v1), the control API
(reset, contacts, request log, faults, clock, keys) under /_mock. Point the loops SDK at it with
  loops.apiRoot = "http://127.0.0.1:4010/api/"

Options:
  --port N          port to listen on (default 4010; 0 picks a free one)
  --host HOST       address to bind (default 127.0.0.1)
  --keys LIST       API keys and their teams, "key1=Acme,key2=Acme,key3=Globex"; keys of one team share its rate
                    limit. Default: one generated key for team "Acme"
  --rate-limit N    requests per second per team (default 10, as Loops)
  --seed FILE       extra seed data (lists, properties, transactionalEmails, contacts), applied to every team
  --webhook-url URL      send Loops webhooks (signed, 10/s, retried) to this URL; see docs/webhooks.md
  --webhook-secret S     the whsec_… signing secret (default: a new one, printed)
  --webhook-events LIST  the events that are on, "contact.created,contact.deleted" (default: all)
  --json            when ready, print one line {"url","sdkApiRoot","keys":[{"key","team"}]} and nothing else
  -h, --help        this text
`

function parseKeys(text: string): Record<string, string> {
  const keys: Record<string, string> = {}
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [key = '', team = ''] = pair.split(/=(.*)/s, 2) as [string, string?]
    if (key === '' || team.trim() === '' || /\s/.test(key)) throw new UsageError(`--keys: "${pair}" is not key=Team`)
    keys[key] = team.trim()
  }
  if (Object.keys(keys).length === 0) throw new UsageError('--keys needs at least one key=Team')
  return keys
}

async function readSeed(file: string, cwd: string): Promise<MockSeed> {
  const text = await readFile(resolve(cwd, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--seed: cannot read ${file} (${error.code ?? error.message})`)
  })
  try {
    return parseSeed(JSON.parse(text))
  } catch (error) {
    throw new UsageError(`--seed: ${file}: ${(error as Error).message}`)
  }
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  let options: Parameters<typeof startHttpServerMock>[0]
  let json = false
  try {
    const args = parseCommandLine(argv, {
      port: { type: 'string' },
      host: { type: 'string' },
      keys: { type: 'string' },
      'rate-limit': { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'webhook-events': { type: 'string' },
    })
    if (args.help) {
      io.stdout.write(HELP)
      return 0
    }
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`)
    const get = (name: string): string | undefined => args.values[name] as string | undefined
    json = args.values['json'] === true
    const keys = get('keys')
    const rate = get('rate-limit')
    const seed = get('seed')
    options = {
      port: readNumber('port', get('port') ?? '4010', { integer: true, min: 0, max: 65535 }),
      host: get('host') ?? '127.0.0.1',
      ...(keys !== undefined ? { keys: parseKeys(keys) } : {}),
      ...(rate !== undefined ? { rateLimit: readNumber('rate-limit', rate, { integer: true, min: 1, max: 1_000_000 }) } : {}),
      ...(seed !== undefined ? { seed: await readSeed(seed, io.cwd) } : {}),
      ...readWebhookFlags(get('webhook-url'), get('webhook-secret'), get('webhook-events')),
    }
  } catch (error) {
    io.stderr.write(`loops-playground mock-server: ${(error as Error).message}. See --help.\n`)
    return 2
  }
  try {
    const server = await startHttpServerMock(options)
    if (json) io.stdout.write(`${JSON.stringify({ url: server.url, sdkApiRoot: server.sdkApiRoot, keys: server.keys })}\n`)
    else printReady(server, io)
    let stopping = false
    const stop = (): void => {
      if (stopping) return
      stopping = true
      void server.close().then(() => io.exit(0))
    }
    io.onSignal('SIGINT', stop)
    io.onSignal('SIGTERM', stop)
    return -1
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    const message =
      e.code === 'EADDRINUSE' ? `port ${String(options.port)} is in use; pick another with --port (0 picks a free one)` : e.message
    io.stderr.write(`loops-playground mock-server: ${message}\n`)
    return 2
  }
}

function printReady(server: HttpServerMock, io: CliIo): void {
  io.stdout.write(`Mock Loops API listening on ${server.url}\n`)
  io.stdout.write(`  API:      ${server.url}/api/v1   (loops SDK: client.apiRoot = "${server.url}/api/")\n`)
  io.stdout.write(`  Control:  ${server.url}/_mock    (reset, contacts, events, requests, faults, clock, keys)\n`)
  io.stdout.write(`  Keys:\n`)
  for (const { key, team } of server.keys) io.stdout.write(`    ${key}  team "${team}"\n`)
  const endpoint = server.mock.webhooks.endpoint()
  if (endpoint.url !== null) {
    io.stdout.write(`  Webhooks: ${endpoint.url}  (10/s, retried; GET /_mock/webhooks/deliveries)\n`)
    for (const team of new Set(server.keys.map((k) => k.team))) io.stdout.write(`    secret ${server.mock.webhooks.endpoint(team).secret}  team "${team}"\n`)
  }
}
