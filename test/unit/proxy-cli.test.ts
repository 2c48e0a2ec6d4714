// `loops-playground proxy`: option parsing, the refusals at start-up, and one run of the real command.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { readProxyOptions } from '../../src/cli/commands/proxy.ts'
import { main } from '../../src/cli/main.ts'
import { createTestIo, runCli } from '../fixtures/cli-io.ts'

const KEY = 'b5a31b9fb3c9d2d561f5ff80136f69b4'
const cleanup: (() => void)[] = []
afterEach(() => {
  while (cleanup.length > 0) cleanup.pop()?.()
})

const runCapturing = (argv: string[]) => runCli(['proxy', ...argv])

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
    [['--port', 'eighty'], /--port must be a whole number from 0 to 65535, got "eighty"/],
    [['-upstream', 'https://x.example'], /unknown option -upstream: long options take two dashes, --upstream/],
    [['--allow-origin', 'evil.example'], /is not an origin/],
    [['extra'], /unexpected argument "extra"/],
    [['--verbose'], /unknown option --verbose/],
  ])('refuses to start with %j and says why, with exit code 2', async (argv, message) => {
    const { code, stderr } = await runCapturing(argv.includes('--port') ? argv : [...argv, '--port', '0'])
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1)
  })

  it('runs in-process: adds the key, logs one line per request, never prints the key, and stops on SIGTERM', async () => {
    const seen: (string | undefined)[] = []
    const upstream = createServer((req, res) => {
      seen.push(req.headers.authorization)
      res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '9' })
      res.end('{"success":true,"teamName":"Acme"}')
    })
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
    cleanup.push(() => upstream.close())
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
    const test = createTestIo({ env: { LOOPS_API_KEY: KEY } })
    expect(await main(['proxy', '--port', '0', '--upstream', upstreamUrl], test.io)).toBe(-1)
    const base = /base URL for clients: (http:\/\/\S+)/.exec(test.stderr())?.[1] ?? ''
    const response = await fetch(`${base}/api/v1/api-key`, { headers: { authorization: 'Bearer wrong' } })
    expect(await response.json()).toEqual({ success: true, teamName: 'Acme' })
    expect(seen).toEqual([`Bearer ${KEY}`])
    await expect.poll(() => test.stderr()).toMatch(/GET \/api\/v1\/api-key 200 \d+ms/)
    expect(test.stderr()).toContain('adding LOOPS_API_KEY to every request')
    expect(test.stdout() + test.stderr()).not.toContain(KEY)
    test.signal('SIGTERM')
    await expect.poll(() => test.exits).toEqual([0])
  })
})
