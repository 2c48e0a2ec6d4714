import { spawn } from 'node:child_process'
import { writeFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, it } from 'vitest'
import { startHttpServerMock as startMockServer } from '../../mock-server/hosts/http-server.ts'
import { run } from '../../src/cli/commands/webhooks.ts'
import type { CommandIo } from '../../src/cli/webhooks/command-io.ts'
import { closedPortUrl, startReceiver } from './webhook-receiver.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

function io(now?: () => number): CommandIo & { out: () => string; err: () => string } {
  let out = ''
  let err = ''
  const controller = new AbortController()
  cleanups.push(() => controller.abort())
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    signal: controller.signal,
    env: {},
    ...(now ? { now } : {}),
    out: () => out,
    err: () => err,
  }
}

async function listen(...args: string[]) {
  const console = io()
  expect(await run(['listen', '--port', '0', ...args], console)).toBe(-1)
  const url = /Listening for Loops webhooks on (http:\/\/127\.0\.0\.1:\d+)/.exec(console.out() + console.err())?.[1] ?? ''
  return { url, console }
}

it('listen verifies what trigger sends and prints one line per delivery: event, contact email, verified', async () => {
  const { url, console } = await listen('--secret', SECRET)
  const sender = io()
  expect(await run(['trigger', 'contact.created', '--to', `${url}/any/path`, '--secret', SECRET], sender)).toBe(0)
  expect(sender.out()).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/any\/path {2}contact\.created {2}msg_[0-9a-f]{24}\n200 OK\n\{"received":true,"id":"msg_/)
  expect(console.out()).toMatch(/✓ verified {2}contact\.created {2}ada@example\.com {2}msg_/)
})

it('listen answers 401 with a JSON message for a wrong secret or a stale timestamp, and 400 for missing headers', async () => {
  const { url, console } = await listen('--secret', SECRET)
  const wrong = io()
  expect(await run(['trigger', 'testing.testEvent', '--to', url, '--secret', 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'], wrong)).toBe(1)
  expect(wrong.out()).toMatch(/401 Unauthorized\n\{"code":"INVALID_SIGNATURE","message":"No signature/)
  const stale = io(() => Date.now() - 6 * 60_000)
  expect(await run(['trigger', 'testing.testEvent', '--to', url, '--secret', SECRET], stale)).toBe(1)
  expect(stale.out()).toMatch(/401 Unauthorized\n\{"code":"TIMESTAMP_TOO_OLD"/)
  const bare = await fetch(url, { method: 'POST', body: '{}' })
  expect(bare.status).toBe(400)
  expect(await bare.json()).toMatchObject({ code: 'MISSING_HEADERS', message: expect.stringMatching(/webhook-id, webhook-timestamp, webhook-signature/) })
  expect(console.out().match(/✗ 401/g)).toHaveLength(2)
  expect(console.out()).toMatch(/✗ 400 MISSING_HEADERS/)
})

it('listen --json prints one NDJSON object per delivery', async () => {
  const { url, console } = await listen('--secret', SECRET, '--json')
  await run(['trigger', 'contact.deleted', '--to', url, '--secret', SECRET], io())
  const [line] = console.out().trim().split('\n')
  expect(JSON.parse(line ?? '')).toMatchObject({ eventName: 'contact.deleted', email: 'ada@example.com', verified: true, status: 200, id: expect.stringMatching(/^msg_/) })
})

it('listen --forward-to passes the verified delivery on unchanged and answers with the app\'s status', async () => {
  const app = await startReceiver([202], '{"stored":true}')
  cleanups.push(app.close)
  const { url, console } = await listen('--secret', SECRET, '--forward-to', app.url)
  const sender = io()
  const data = join(await mkdtemp(join(tmpdir(), 'wh-')), 'payload.json')
  await writeFile(data, JSON.stringify({ eventTime: 1, webhookSchemaVersion: '1.0.0', contactIdentity: { id: 'c1', email: 'x@example.com', userId: null } }))
  expect(await run(['trigger', 'contact.unsubscribed', '--to', url, '--secret', SECRET, '--data', data], sender)).toBe(0)
  expect(sender.out()).toContain('202 Accepted\n{"stored":true}')
  const [got] = app.received
  expect(JSON.parse(got?.body ?? '')).toEqual({ eventTime: 1, webhookSchemaVersion: '1.0.0', contactIdentity: { id: 'c1', email: 'x@example.com', userId: null }, eventName: 'contact.unsubscribed' })
  expect(got?.headers['webhook-signature']).toMatch(/^v1,/)
  expect(console.out()).toMatch(/✓ verified {2}contact\.unsubscribed {2}x@example\.com {2}msg_\w+ {2}→ app 202 \(/)
})

it('listen answers 502 with a message when the --forward-to app is down', async () => {
  const down = await closedPortUrl()
  const { url } = await listen('--secret', SECRET, '--forward-to', down)
  const sender = io()
  expect(await run(['trigger', 'testing.testEvent', '--to', url, '--secret', SECRET], sender)).toBe(1)
  expect(sender.out()).toContain(`502 Bad Gateway\n{"code":"FORWARD_FAILED","message":"${down}: connection refused: is your app running?"}`)
})

it('the mock delivers to listen, which verifies every delivery', async () => {
  const { url, console } = await listen('--secret', SECRET)
  const server = await startMockServer({ keys: { k_cli: 'Acme' }, webhooks: { url: `${url}/`, secret: SECRET } })
  cleanups.push(() => server.close())
  await fetch(`${server.url}/api/v1/contacts/create`, { method: 'POST', headers: { Authorization: 'Bearer k_cli', 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'grace@example.com' }) })
  await fetch(`${server.url}/_mock/webhooks/test`, { method: 'POST' })
  await server.mock.webhooks.idle()
  expect(console.out()).toMatch(/✓ verified {2}contact\.created {2}grace@example\.com/)
  expect(console.out()).toMatch(/✓ verified {2}testing\.testEvent/)
  expect(server.mock.webhooks.deliveries().map((d) => d.state)).toEqual(['delivered', 'delivered'])
})

it('trigger names the problem for an unknown event, a missing --to, a bad secret and an unreachable receiver', async () => {
  const down = await closedPortUrl()
  for (const [args, code, says] of [
    [['trigger', 'contact.exploded', '--to', 'http://127.0.0.1:9/'], 2, /"contact.exploded" is not a Loops webhook event/],
    [['trigger', 'contact.created'], 2, /--to is required/],
    [['trigger', 'contact.created', '--to', 'http://127.0.0.1:9/', '--secret', 'nope'], 2, /--secret: the secret must start with "whsec_"/],
    [['trigger', 'contact.created', '--to', down, '--secret', SECRET], 1, /connection refused: is the receiver running\?/],
    [['listen', '--colour', 'red'], 2, /Unknown option '--colour'/],
  ] as const) {
    const console = io()
    expect([await run([...args], console), console.err()]).toEqual([code, expect.stringMatching(says)])
  }
})

function cli(args: string[], until?: RegExp): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT })
  let stdout = ''
  let stderr = ''
  return new Promise((resolve) => {
    const done = (code: number | null): void => {
      child.kill('SIGTERM')
      resolve({ stdout, stderr, code })
    }
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString()
      if (until?.test(stdout)) done(null)
    })
    child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()))
    child.on('exit', (code) => done(code))
  })
}

it('mock-server --webhook-url prints the secret it signs with, and exits 2 on a malformed URL', async () => {
  const started = await cli(['mock-server', '--port', '0', '--keys', 'k1=Acme', '--webhook-url', 'http://127.0.0.1:9/hooks', '--webhook-events', 'contact.created,contact.deleted'], /secret whsec_/)
  expect(started.stdout).toMatch(/Webhooks: http:\/\/127\.0\.0\.1:9\/hooks[\s\S]*secret whsec_[A-Za-z0-9+/]{32} {2}team "Acme"/)
  const bad = await cli(['mock-server', '--port', '0', '--webhook-url', 'localhost:8790'])
  expect(bad.code).toBe(2)
  expect(bad.stderr).toMatch(/--webhook-url "localhost:8790" must use http or https|--webhook-url "localhost:8790" is not a URL/)
  const events = await cli(['mock-server', '--port', '0', '--webhook-url', 'http://127.0.0.1:9/', '--webhook-events', 'contact.made'])
  expect(events.stderr).toMatch(/--webhook-events: "contact.made" is not a Loops webhook event/)
}, 120_000)
