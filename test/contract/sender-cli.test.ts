import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli/main.ts'
import { startHttpServerMock, type HttpServerMock } from '../../mock-server/hosts/http-server.ts'
import { createTestIo, runCli } from '../fixtures/cli-io.ts'

const KEY = '0123456789abcdef0123456789abcdef'
let server: HttpServerMock
let dir: string
let script: string

const send = (args: string[], env: Record<string, string> = {}) => runCli(['send', ...args], { env: { LOOPS_API_KEY: '', ...env }, cwd: dir })
const ndjson = (values: unknown[]): string => values.map((v) => JSON.stringify(v)).join('\n') + '\n'
const readLines = async (path: string) =>
  (await readFile(path, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

beforeAll(async () => {
  server = await startHttpServerMock({ port: 0, keys: { [KEY]: 'Acme' }, rateLimit: 10_000 })
  dir = await mkdtemp(join(tmpdir(), 'sender-cli-'))
  script = join(dir, 'session.js')
  const lines = ["datafly.identify('user_1', { email: 'sam@example.com' })"]
  for (let i = 0; i < 8; i++) lines.push(`datafly.track('Order Completed', { orderId: 'o${i}' })`)
  lines.push("datafly.group('acme', { plan: 'pro' })")
  await writeFile(script, lines.join('\n'))
})

afterAll(async () => {
  await server.close()
})

describe('loops-playground send', () => {
  it('maps, sends and prints the summary as one JSON object with --json', async () => {
    await server.mock.reset()
    const { code, stdout } = await send([script, '--target', server.url, '--key', KEY, '--rate', '50', '--json'])
    expect(code).toBe(0)
    const summary = JSON.parse(stdout) as Record<string, number>
    expect(Object.keys(summary)).toEqual(['total', 'delivered', 'duplicates', 'skipped', 'failed', 'retries', 'rateLimited', 'elapsedMs'])
    expect(summary).toMatchObject({ total: 10, delivered: 8, duplicates: 0, skipped: 2, failed: 0, rateLimited: 0 })
    expect(server.mock.events('Acme')).toHaveLength(8)
  })

  it('reports a second run as duplicates and writes the skipped events to the dead-letter file', async () => {
    await server.mock.reset()
    const deadLetter = join(dir, 'dead.ndjson')
    await send([script, '--target', server.url, '--key', KEY, '--rate', '50'])
    const { code, stdout } = await send([script, '--target', server.url, '--rate', '50', '--dead-letter', deadLetter], { LOOPS_API_KEY: KEY })
    expect(code).toBe(0)
    expect(stdout).toContain('0 delivered, 8 duplicates, 2 skipped, 0 failed')
    const lines = await readLines(deadLetter)
    expect(lines.map((l) => [l['index'], l['outcome']])).toEqual([
      [0, 'skipped'],
      [9, 'skipped'],
    ])
    expect(lines[1]).toMatchObject({ reason: expect.any(String), attempts: 0, result: { status: 'skipped', source: { index: 9, type: 'group' } } })
  })

  it('stops on a rejected key, explains it once, exits 1 and never prints the key', async () => {
    const wrong = 'ffffffffffffffffffffffffffffffff'
    const deadLetter = join(dir, 'rejected.ndjson')
    // one request in flight, so exactly one meets the 401 (with more, each request already sent gets its own 401)
    const { code, stdout, stderr } = await send([script, '--target', server.url, '--key', wrong, '--dead-letter', deadLetter, '--concurrency', '1'])
    expect(code).toBe(1)
    expect((stdout + stderr).match(/rejected the API key/gi)).toHaveLength(1)
    expect(stdout).toMatch(/Loops rejected the API key \(401 .*\): 1 event refused, 7 not sent\. Check the key and send again\./)
    expect(stdout + stderr).not.toContain(wrong)
    const dead = await readFile(deadLetter, 'utf8')
    expect(dead).not.toContain(wrong)
    const codes = dead.trim().split('\n').map((l) => (JSON.parse(l) as { code?: string }).code)
    expect(codes.filter((c) => c === 'api-key')).toHaveLength(1)
    expect(codes.filter((c) => c === 'not-sent')).toHaveLength(7)
  })

  it('sends a dead-letter file again as it is: the failed events are delivered, the skipped stay skipped', async () => {
    await server.mock.reset()
    const deadLetter = join(dir, 'rejected-again.ndjson')
    expect((await send([script, '--target', server.url, '--key', 'ffffffffffffffffffffffffffffffff', '--dead-letter', deadLetter])).code).toBe(1)
    expect(server.mock.events('Acme')).toHaveLength(0)
    const again = await send([deadLetter, '--target', server.url, '--key', KEY, '--json'])
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({ total: 10, delivered: 8, skipped: 2, failed: 0 })
    expect(server.mock.events('Acme')).toHaveLength(8)
    const map = await runCli(['map', deadLetter], { cwd: dir })
    const statuses = map.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { status: string }).status)
    expect(statuses.toSorted()).toEqual([...Array.from({ length: 8 }, () => 'ready'), 'skipped', 'skipped'])
  })

  it('checks an invalid dead-letter entry again, so a body fixed in the file is sent and an unfixed one is not', async () => {
    await server.mock.reset()
    const entry = (email: string) => ({
      index: 0,
      outcome: 'failed',
      code: 'invalid',
      reason: 'not sent: the mapper marked it invalid',
      attempts: 0,
      result: {
        status: 'invalid',
        request: { method: 'POST', path: '/api/v1/events/send', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `dl-${email}` }, body: { email, eventName: 'signed_up' } },
        issues: [],
        source: { index: 0, type: 'track', event: 'Signed Up' },
      },
    })
    const file = join(dir, 'fixed.ndjson')
    await writeFile(file, ndjson([entry('fixed@example.com'), entry('x'.repeat(600) + '@example.com')]))
    const { code, stdout } = await send([file, '--target', server.url, '--key', KEY, '--json'])
    expect(code).toBe(1)
    expect(JSON.parse(stdout)).toMatchObject({ total: 2, delivered: 1, failed: 1 })
  })

  it('stops after a stated number of tries when nothing answers at the target', async () => {
    const port = await closedPort()
    const { code, stdout } = await send([script, '--target', `http://127.0.0.1:${port}`, '--key', KEY])
    expect(code).toBe(1)
    expect(stdout).toMatch(new RegExp(`Nothing answers at http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED, 3 tries\\)`))
    expect(stdout).toMatch(/8 × not sent: the target does not answer/)
  })

  it('cancels on SIGTERM as on Ctrl-C: summary, dead-letter of every cancelled event, exit 1', async () => {
    await server.mock.reset()
    const events = Array.from({ length: 200 }, (_, i) => ({ type: 'track', event: 'Order Completed', userId: `u${i}`, messageId: `m-${i}`, traits: {} }))
    const file = join(dir, 'many.ndjson')
    await writeFile(file, ndjson(events.map((e) => ({ ...e, context: { traits: { email: `${e.userId}@example.com` } } }))))
    const deadLetter = join(dir, 'term.ndjson')
    const test = createTestIo({ env: { LOOPS_API_KEY: KEY }, cwd: dir })
    let calls = 0
    const fetchAndStop: typeof fetch = async (request) => {
      // the sixth request is in flight when SIGTERM arrives
      if (++calls === 6) test.signal('SIGTERM')
      return fetch(request)
    }
    test.io.fetch = fetchAndStop
    const code = await main(['send', file, '--target', server.url, '--concurrency', '1', '--rate', '1000', '--dead-letter', deadLetter], test.io)
    expect(code).toBe(1)
    expect(test.stdout()).toMatch(/^200 events → .*: 5 delivered, 0 duplicates, 0 skipped, 195 failed/)
    expect(test.stdout()).toMatch(/Cancelled: events without an answer/)
    const dead = await readLines(deadLetter)
    expect(dead).toHaveLength(195)
    expect(dead.every((l) => l['code'] === 'cancelled')).toBe(true)
    expect(test.listeners()).toBe(0)
  })

  it('prints periodic plain progress lines when stderr is not a terminal', async () => {
    let now = 0
    // time moves only when a request is answered (a second each); sleeps (the attempt timeout) never end
    const clock = { now: () => now, sleep: (_ms: number, signal?: AbortSignal) => new Promise<void>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason))) }
    const test = createTestIo({ env: { LOOPS_API_KEY: KEY }, cwd: dir, clock })
    test.io.fetch = async () => {
      now += 1000
      return Response.json({ success: true })
    }
    const code = await main(['send', script, '--target', 'http://127.0.0.1:9', '--concurrency', '1', '--progress-interval', '2'], test.io)
    expect(code).toBe(0)
    const lines = test.stderr().split('\n').filter((l) => l.startsWith('loops-playground send: done'))
    expect(lines).toEqual([
      expect.stringMatching(/^loops-playground send: done 3\/10 · \d+\/s · queue 7 · retries 0 · delivered 2 · duplicates 0 · skipped 1 · failed 0$/),
      expect.stringMatching(/^loops-playground send: done 5\/10 /),
      expect.stringMatching(/^loops-playground send: done 7\/10 /),
      expect.stringMatching(/^loops-playground send: done 9\/10 /),
    ])
    expect(test.stderr()).not.toContain('\r')
  })

  it('exits 2 with a one-line explanation for usage and input errors', async () => {
    const missingKey = await send([script])
    expect(missingKey.code).toBe(2)
    expect(missingKey.stderr).toMatch(/no API key/)
    const rate = await send([script, '--key', KEY, '--rate', 'fast'])
    expect(rate.code).toBe(2)
    expect(rate.stderr).toMatch(/--rate must be a number above 0, got "fast"/)
    const badKey = await send([script, '--key', 'my secret key'])
    expect(badKey.code).toBe(2)
    expect(badKey.stderr).toMatch(/`apiKey`/)
    expect(badKey.stderr).not.toContain('secret')
    expect((await send([script, '--key', KEY, '--target', 'ftp://example.com'])).code).toBe(2)
    expect((await send([join(dir, 'missing.js'), '--key', KEY])).stderr).toMatch(/cannot read .*missing\.js: the file does not exist/)
    const preset = await send([script, '--key', KEY, '--preset', 'gone.json'])
    expect(preset.stderr).toBe('loops-playground send: --preset: cannot read gone.json: the file does not exist\n')
  })
})

/** A port on 127.0.0.1 that nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}
