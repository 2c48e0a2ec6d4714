import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpServerMock, type HttpServerMock } from '../../mock-server/hosts/http-server.ts'

const KEY = '0123456789abcdef0123456789abcdef'
const BIN = join(import.meta.dirname, '../../src/cli/bin.js')
let server: HttpServerMock
let dir: string
let script: string

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'send', ...args], { env: { ...process.env, LOOPS_API_KEY: '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

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
    const { code, stdout } = await cli([script, '--target', server.url, '--key', KEY, '--rate', '50', '--json'])
    expect(code).toBe(0)
    const summary = JSON.parse(stdout) as Record<string, number>
    expect(Object.keys(summary)).toEqual(['total', 'delivered', 'duplicates', 'skipped', 'failed', 'retries', 'rateLimited', 'elapsedMs'])
    expect(summary).toMatchObject({ total: 10, delivered: 8, duplicates: 0, skipped: 2, failed: 0, rateLimited: 0 })
    expect(server.mock.events('Acme')).toHaveLength(8)
  })

  it('reports a second run as duplicates and writes the skipped events to the dead-letter file', async () => {
    await server.mock.reset()
    const deadLetter = join(dir, 'dead.ndjson')
    await cli([script, '--target', server.url, '--key', KEY, '--rate', '50'])
    const { code, stdout } = await cli([script, '--target', server.url, '--rate', '50', '--dead-letter', deadLetter], { LOOPS_API_KEY: KEY })
    expect(code).toBe(0)
    expect(stdout).toContain('0 delivered, 8 duplicates, 2 skipped, 0 failed')
    const lines = (await readFile(deadLetter, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.map((l) => [l['index'], l['outcome']])).toEqual([
      [0, 'skipped'],
      [9, 'skipped'],
    ])
    expect(lines[1]).toMatchObject({ reason: expect.any(String), attempts: 0, result: { status: 'skipped', source: { index: 9, type: 'group' } } })
  })

  it('stops on a rejected key, says so once, exits 1 and never prints the key', async () => {
    const wrong = 'ffffffffffffffffffffffffffffffff'
    const deadLetter = join(dir, 'rejected.ndjson')
    const { code, stdout, stderr } = await cli([script, '--target', server.url, '--key', wrong, '--dead-letter', deadLetter])
    expect(code).toBe(1)
    expect(stderr.match(/rejected the API key/g)).toHaveLength(1)
    expect(stdout + stderr).not.toContain(wrong)
    const dead = await readFile(deadLetter, 'utf8')
    expect(dead).not.toContain(wrong)
    const codes = dead.trim().split('\n').map((l) => (JSON.parse(l) as { code?: string }).code)
    expect(codes.filter((c) => c === 'api-key')).toHaveLength(1)
    expect(codes.filter((c) => c === 'not-sent')).toHaveLength(7)
  })

  it('exits 2 with a one-line explanation for usage and input errors', async () => {
    const missingKey = await cli([script])
    expect(missingKey.code).toBe(2)
    expect(missingKey.stderr).toMatch(/no API key/)
    expect((await cli([script, '--key', KEY, '--rate', 'fast'])).code).toBe(2)
    const badKey = await cli([script, '--key', 'my secret key'])
    expect(badKey.code).toBe(2)
    expect(badKey.stderr).toMatch(/`apiKey`/)
    expect(badKey.stderr).not.toContain('secret')
    expect((await cli([script, '--key', KEY, '--target', 'ftp://example.com'])).code).toBe(2)
    expect((await cli([join(dir, 'missing.js'), '--key', KEY])).stderr).toMatch(/cannot read .*missing\.js: no such file/)
  })
})
