// `loops-playground proxy`: option parsing, the refusals at start-up, and one run of the real command.
import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readProxyOptions, run } from '../../src/cli/commands/proxy.ts'

const KEY = 'b5a31b9fb3c9d2d561f5ff80136f69b4'
const cleanup: (() => void)[] = []
afterEach(() => {
  while (cleanup.length > 0) cleanup.pop()?.()
  vi.restoreAllMocks()
})

async function runCapturing(argv: string[]) {
  let stderr = ''
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk)
    return true
  })
  const code = await run(argv)
  return { code, stderr }
}

describe('proxy command', () => {
  it('reads defaults, repeated --allow-origin and LOOPS_API_KEY from the environment', () => {
    expect(
      readProxyOptions(['--allow-origin', 'https://a.example/', '--allow-origin=https://b.example', '--timeout', '5000'], {
        LOOPS_API_KEY: ` ${KEY}\n`,
      }),
    ).toEqual({
      port: 8787,
      host: '127.0.0.1',
      upstream: 'https://app.loops.so',
      timeoutMs: 5000,
      allowOrigins: ['https://a.example', 'https://b.example'],
      apiKey: KEY,
    })
  })

  it('forwards the client key when LOOPS_API_KEY is unset or empty', () => {
    expect(readProxyOptions([], {})).not.toHaveProperty('apiKey')
    expect(readProxyOptions([], { LOOPS_API_KEY: '' })).not.toHaveProperty('apiKey')
  })

  it.each([
    [['--upstream', 'http://app.loops.so'], /plain http on a remote host.*use https:\/\//],
    [['--upstream', 'app.loops.so'], /is not a URL; pass an origin such as https:\/\/app\.loops\.so/],
    [['--upstream', 'https://app.loops.so/api'], /must be an origin without a path.*pass https:\/\/app\.loops\.so/],
    [['--host', '0.0.0.0'], /not a loopback address/],
    [['--port', 'eighty'], /--port must be a whole number/],
    [['--allow-origin', 'evil.example'], /is not an origin/],
    [['extra'], /unexpected argument "extra"/],
    [['--verbose'], /unknown option --verbose/],
  ])('refuses to start with %j and says why, with exit code 2', async (argv, message) => {
    const { code, stderr } = await runCapturing(argv.includes('--port') ? argv : [...argv, '--port', '0'])
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1)
  })

  it('runs as a real process: adds the key, logs one line per request, and never prints the key', async () => {
    const seen: (string | undefined)[] = []
    const upstream = createServer((req, res) => {
      seen.push(req.headers.authorization)
      res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '9' })
      res.end('{"success":true,"teamName":"Acme"}')
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    cleanup.push(() => upstream.close())
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
    const child = spawn(process.execPath, [join(import.meta.dirname, '../../src/cli/bin.js'), 'proxy', '--port', '0', '--upstream', upstreamUrl], {
      env: { ...process.env, LOOPS_API_KEY: KEY },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    cleanup.push(() => child.kill())
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the proxy did not start:\n${output}`)), 20_000)
      child.stderr.on('data', () => {
        const match = /base URL for clients: (http:\/\/\S+)/.exec(output)
        if (match?.[1]) {
          clearTimeout(timer)
          resolve(match[1])
        }
      })
    })
    const response = await fetch(`${base}/api/v1/api-key`, { headers: { authorization: 'Bearer wrong' } })
    expect(await response.json()).toEqual({ success: true, teamName: 'Acme' })
    expect(seen).toEqual([`Bearer ${KEY}`])
    await expect.poll(() => output).toMatch(/GET \/api\/v1\/api-key 200 \d+ms/)
    expect(output).toContain('adding LOOPS_API_KEY to every request')
    expect(output).not.toContain(KEY)
  }, 30_000)
})
