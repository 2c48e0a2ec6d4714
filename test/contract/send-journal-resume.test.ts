// kill -9 in the middle of `send --journal`, then the same command again: every event reaches the mock exactly
// once, and the second run sends only what the journal does not record as finished.
import { spawn } from 'node:child_process'
import { appendFileSync, readFileSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startHttpServerMock, type HttpServerMock } from '../../mock-server/hosts/http-server.ts'
import { runCli } from '../fixtures/cli-io.ts'

const KEY = 'journal-key-0123456789abcdef'
const BIN = join(import.meta.dirname, '../../src/cli/bin.js')
const TOTAL = 300
let server: HttpServerMock

beforeAll(async () => {
  server = await startHttpServerMock({ port: 0, keys: { [KEY]: 'Acme' }, rateLimit: 100_000 })
})
afterAll(() => server.close())

it('resumes a send killed with SIGKILL from its journal: nothing lost, nothing sent twice', { timeout: 90_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'journal-'))
  const input = join(dir, 'events.ndjson')
  const journal = join(dir, 'journal.ndjson')
  const lines = Array.from({ length: TOTAL }, (_, i) =>
    JSON.stringify({ type: 'track', event: 'Order Completed', userId: `u${i}`, anonymousId: `a${i}`, messageId: `order-${i}`, context: { traits: { email: `u${i}@example.com` } } }),
  )
  await writeFile(input, `${lines.join('\n')}\n`)

  // the first run: killed once 40 events are done (its plain progress says so on stderr)
  const child = spawn(process.execPath, [BIN, 'send', input, '--target', server.url, '--key', KEY, '--journal', journal, '--rate', '50', '--concurrency', '4', '--progress-interval', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      if (/done (4\d|[5-9]\d|\d{3})\/300/.test(stderr)) resolve()
    })
    child.on('exit', () => reject(new Error(`send ended before it was killed:\n${stderr}`)))
  })
  child.kill('SIGKILL')
  expect(await exited).toBe('SIGKILL')

  const storedAfterKill = server.mock.events('Acme').length
  expect(storedAfterKill).toBeGreaterThanOrEqual(40)
  expect(storedAfterKill).toBeLessThan(TOTAL)
  // a crash mid-write leaves a torn line; the journal must shrug it off
  appendFileSync(journal, '{"key":"POST /api/v1/events/send order-299","status":"deliv')
  const finished = new Set(
    readFileSync(journal, 'utf8')
      .split('\n')
      .flatMap((line) => {
        try {
          const entry = JSON.parse(line) as { key: string; final: boolean }
          return entry.final ? [entry.key] : []
        } catch {
          return []
        }
      }),
  )
  expect(finished.size).toBeGreaterThanOrEqual(40)

  const requestsBefore = server.mock.requests().length
  const again = await runCli(['send', input, '--target', server.url, '--key', KEY, '--journal', journal, '--rate', '1000', '--json'])
  expect(again.code).toBe(0)
  const summary = JSON.parse(again.stdout) as Record<string, number>
  expect(summary['journaled']).toBe(finished.size)
  expect(summary['total']).toBe(TOTAL - finished.size)
  expect(summary['failed']).toBe(0)
  // events delivered before the kill but not yet journaled come back as 409 duplicates: at most the 4 in flight
  expect(summary['duplicates']).toBe(storedAfterKill - finished.size)
  expect(summary['duplicates']).toBeLessThanOrEqual(4)
  expect(server.mock.requests().length - requestsBefore).toBe(TOTAL - finished.size)
  expect(server.mock.events('Acme')).toHaveLength(TOTAL)
  expect(again.stderr).toMatch(new RegExp(`the journal has ${finished.size} finished events; they are not sent again \\(1 unreadable line\\(s\\) ignored`))
})
