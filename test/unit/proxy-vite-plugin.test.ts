// loopsProxyPlugin() in a real Vite dev server and `vite preview`: the playground's "Real Loops" target.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, preview } from 'vite'
import { afterEach, describe, expect, it } from 'vitest'
import { loopsProxyPlugin } from '../../src/proxy/vite-proxy-plugin.ts'

const KEY = '0136f69b4b5a31b9fb3c9d2d561f5ff8'
const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()?.()
})

async function fakeUpstream() {
  const received: { url: string; headers: IncomingHttpHeaders }[] = []
  const server = createHttpServer((req, res) => {
    received.push({ url: req.url ?? '', headers: req.headers })
    res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '9' })
    res.end('{"success":true}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanup.push(() => void server.close())
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received }
}

function root(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loops-proxy-vite-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>playground</title>')
  return dir
}

describe('loopsProxyPlugin', () => {
  it('forwards /__loops_proxy/api/v1/… from the dev server with LOOPS_API_KEY, and leaves other paths to Vite', async () => {
    const upstream = await fakeUpstream()
    const server = await createServer({
      configFile: false,
      root: root(),
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, ws: false },
      plugins: [loopsProxyPlugin({ upstream: upstream.url, apiKey: KEY, log: () => {} })],
    })
    await server.listen()
    cleanup.push(() => server.close())
    const origin = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`

    const forwarded = await fetch(`${origin}/__loops_proxy/api/v1/contacts/find?email=a%40b.co`, {
      headers: { origin, authorization: 'Bearer typed-in-the-browser' },
    })
    expect(forwarded.status).toBe(200)
    expect(forwarded.headers.get('x-ratelimit-remaining')).toBe('9')
    expect(upstream.received.map((r) => [r.url, r.headers.authorization])).toEqual([['/api/v1/contacts/find?email=a%40b.co', `Bearer ${KEY}`]])

    const page = await fetch(`${origin}/`)
    expect(await page.text()).toContain('<title>playground</title>')

    const foreign = await fetch(`${origin}/__loops_proxy/api/v1/api-key`, { headers: { origin: 'https://evil.example' } })
    expect(foreign.status).toBe(403)
    const outside = await fetch(`${origin}/__loops_proxy/_mock/reset`, { method: 'POST' })
    expect(outside.status).toBe(404)
    expect(upstream.received).toHaveLength(1)
  }, 30_000)

  it('is mounted in vite preview too', async () => {
    const upstream = await fakeUpstream()
    const dir = root()
    const server = await preview({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      build: { outDir: dir },
      preview: { host: '127.0.0.1', port: 0 },
      plugins: [loopsProxyPlugin({ upstream: upstream.url, apiKey: KEY, log: () => {} })],
    })
    cleanup.push(() => server.close())
    const origin = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`
    const response = await fetch(`${origin}/__loops_proxy/api/v1/lists`)
    expect(response.status).toBe(200)
    expect(upstream.received.map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`])
  }, 30_000)

  it('refuses to start when envPrefix would put LOOPS_API_KEY in the browser bundle', async () => {
    await expect(
      createServer({ configFile: false, root: root(), logLevel: 'silent', envPrefix: ['VITE_', 'LOOPS_'], plugins: [loopsProxyPlugin()] }),
    ).rejects.toThrow(/would compile LOOPS_API_KEY into the browser bundle/)
  })
})
