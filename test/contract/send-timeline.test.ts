import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startHttpServerMock as startMockServer, type HttpServerMock as MockServer } from '../../mock-server/hosts/http-server.ts'
import { runCli } from '../fixtures/cli-io.ts'

const KEY = '0123456789abcdef0123456789abcdef'
let server: MockServer
let dir: string

beforeAll(async () => {
  server = await startMockServer({ port: 0, keys: { [KEY]: 'Acme' }, rateLimit: 10_000 })
  dir = await mkdtemp(join(tmpdir(), 'send-timeline-'))
}, 60_000)

afterAll(async () => {
  await server.close()
})

it('writes a timeline page whose marks are the attempts the mock received, coloured by its answers', async () => {
  const script = join(dir, 'session.js')
  await writeFile(script, ["datafly.identify('u1', { email: 'sam@example.com' })", ...Array.from({ length: 6 }, (_, i) => `datafly.track('Order Completed', { orderId: 'o${i}' })`)].join('\n'))
  server.mock.addFault({ path: '/api/v1/events/send', status: 500, count: 2 })
  const page = join(dir, 'timeline.html')
  const out = await runCli(['send', script, '--target', server.url, '--key', KEY, '--rate', '100', '--timeline', page, '--json'], { cwd: dir, env: {} })
  expect(out.code).toBe(0)
  const html = await readFile(page, 'utf8')
  const received = server.mock.requests().filter((r) => r.path === '/api/v1/events/send')
  expect(received).toHaveLength(8)
  expect(html.match(/class="attempt /g)).toHaveLength(received.length)
  expect(html.match(/class="attempt attempt-server-error"/g)).toHaveLength(2)
  expect(html.match(/class="attempt attempt-ok"/g)).toHaveLength(6)
  expect(html.match(/class="wait wait-backoff"/g)).toHaveLength(2)
  expect(html).toContain('7 events, 8 attempts')
}, 60_000)

it('says so and still prints the summary when the timeline file cannot be written', async () => {
  const script = join(dir, 'one.js')
  await writeFile(script, "datafly.identify('u2', { email: 'ada@example.com' })\ndatafly.track('Signed Up')")
  const out = await runCli(['send', script, '--target', server.url, '--key', KEY, '--timeline', join(dir, 'missing-dir', 't.html'), '--json'], { cwd: dir, env: {} })
  expect(out.stderr).toMatch(/cannot write the timeline .*t\.html: the file does not exist/)
  expect(JSON.parse(out.stdout)).toMatchObject({ delivered: 1 })
}, 60_000)
