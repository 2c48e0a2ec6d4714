import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'

const BIN = join(import.meta.dirname, '../../src/cli/bin.js')
let server: Server
let url: string
let script: string

beforeAll(async () => {
  // A Loops stand-in that reports a lower limit on every answer (9, 8, 7, …): the sender lowers its rate each time.
  let answered = 0
  server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      answered++
      response.writeHead(200, { 'Content-Type': 'application/json', 'x-ratelimit-limit': String(Math.max(3, 10 - answered)), 'x-ratelimit-remaining': '2' })
      response.end('{"success":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const dir = await mkdtemp(join(tmpdir(), 'send-slowing-'))
  script = join(dir, 'session.js')
  const lines = ["datafly.identify('user_1', { email: 'sam@example.com' })"]
  for (let i = 0; i < 5; i++) lines.push(`datafly.track('Order Completed', { orderId: 'o${i}' })`)
  await writeFile(script, lines.join('\n'))
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

it('says "slowing down" once per send, however often Loops lowers the limit', async () => {
  const { stderr, code } = await new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(process.execPath, [BIN, 'send', script, '--target', url, '--key', 'k', '--rate', '10', '--concurrency', '1'], { env: { ...process.env, LOOPS_API_KEY: '' } }, (error, _stdout, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr: err }),
    )
  })
  expect(code).toBe(0)
  expect(stderr.match(/slowing down/g)).toHaveLength(1)
}, 30_000)
