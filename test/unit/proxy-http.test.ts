// The standalone proxy over real loopback HTTP, in front of a fake upstream this test starts: raw paths that a URL
// parser would resolve, forged Host headers, streaming both ways, timeouts and an unreachable upstream.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { serveProxy, type RunningProxy, type ServeProxyOptions } from '../../src/proxy/serve-proxy.ts'
import { parseAnswers, rawExchange } from '../fixtures/raw-http.ts'

const KEY = 'f00dfeedf00dfeedf00dfeedf00dfeed'

interface Received {
  method: string
  url: string
  headers: IncomingMessage['headers']
  bytes: number
}

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()?.()
})

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanup.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** A fake Loops: records every request; `answer` decides the response (default: echo as JSON). */
async function fakeUpstream(answer?: (req: IncomingMessage, res: ServerResponse, received: Received) => void) {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const entry: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, bytes: 0 }
    received.push(entry)
    if (answer) return answer(req, res, entry)
    req.on('data', (chunk: Buffer) => (entry.bytes += chunk.length))
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'x-ratelimit-limit': '10',
        'x-ratelimit-remaining': '9',
        'set-cookie': 'loops_session=1',
      })
      res.end(JSON.stringify({ success: true, bytes: entry.bytes, auth: req.headers.authorization ?? null }))
    })
  })
  return { url: await listen(server), received }
}

async function startProxy(options: ServeProxyOptions) {
  const lines: string[] = []
  const proxy: RunningProxy = await serveProxy({ port: 0, log: (line) => lines.push(line), ...options })
  cleanup.push(() => proxy.close())
  return { proxy, lines, port: Number(new URL(proxy.url).port) }
}

/** A raw request: node:http sends the path and Host exactly as given, as curl --path-as-is would. */
function raw(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; statusMessage: string; headers: IncomingMessage['headers']; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, statusMessage: res.statusMessage ?? '', headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('proxy over HTTP', () => {
  it.each([
    '/api/v1/../../admin',
    '/api/v1/%2e%2e/%2e%2e/admin',
    '/api/v1/%2E%2E/admin',
    '/api/v1/contacts/..%2F..%2Fadmin',
    '/api/v1\\..\\..\\admin',
    '//evil.example/api/v1/events/send',
    '/api/v1//evil.example/x',
  ])('refuses the raw path %s with 400 and the upstream never sees it', async (path) => {
    const upstream = await fakeUpstream()
    const { port } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    const response = await raw(port, path)
    expect(response.status).toBe(400)
    expect(JSON.parse(response.body)).toEqual({ success: false, message: expect.stringMatching(/^Refused path/) })
    expect(upstream.received).toEqual([])
  })

  it('refuses a forged Host header (DNS rebinding) with 403 and forwards nothing', async () => {
    const upstream = await fakeUpstream()
    const { port } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    const response = await raw(port, '/api/v1/api-key', { headers: { host: `rebind.attacker.example:${port}` } })
    expect(response.status).toBe(403)
    expect(response.headers['content-type']).toBe('application/json')
    expect(upstream.received).toEqual([])
  })

  it('accepts its own loopback names in Host', async () => {
    const upstream = await fakeUpstream()
    const { port } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await raw(port, '/api/v1/api-key', { headers: { host } })).status).toBe(200)
    }
    expect(upstream.received).toHaveLength(3)
  })

  it('refuses a page from another site with 403 and forwards nothing', async () => {
    const upstream = await fakeUpstream()
    const { proxy } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    const response = await fetch(`${proxy.url}/api/v1/events/send`, { method: 'POST', body: '{}', headers: { origin: 'https://evil.example' } })
    expect(response.status).toBe(403)
    expect(upstream.received).toEqual([])
  })

  it('accepts an origin added with allowOrigins', async () => {
    const upstream = await fakeUpstream()
    const { proxy } = await startProxy({ upstream: upstream.url, apiKey: KEY, allowOrigins: ['https://demo.example'] })
    const response = await fetch(`${proxy.url}/api/v1/api-key`, { headers: { origin: 'https://demo.example' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('https://demo.example')
  })

  it("injects the proxy's key over the client's and strips cookies both ways", async () => {
    const upstream = await fakeUpstream()
    const { proxy } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    const response = await fetch(`${proxy.url}/api/v1/events/send`, {
      method: 'POST',
      body: '{"email":"sam@example.com","eventName":"signed_up"}',
      headers: { authorization: 'Bearer someone-elses-key', cookie: 'session=secret', 'idempotency-key': 'k-1', 'content-type': 'application/json' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('x-ratelimit-remaining')).toBe('9')
    const up = upstream.received[0]
    expect(up?.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(up?.headers.cookie).toBeUndefined()
    expect(up?.headers['idempotency-key']).toBe('k-1')
    expect(up?.url).toBe('/api/v1/events/send')
  })

  it("forwards the client's Authorization when the proxy has no key", async () => {
    const upstream = await fakeUpstream()
    const { proxy } = await startProxy({ upstream: upstream.url })
    await fetch(`${proxy.url}/api/v1/api-key`, { headers: { authorization: 'Bearer the-clients-key' } })
    expect(upstream.received[0]?.headers.authorization).toBe('Bearer the-clients-key')
  })

  it('streams a 1 MiB request body up with its Content-Length', async () => {
    const upstream = await fakeUpstream()
    const { proxy } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    const body = JSON.stringify({ email: 'sam@example.com', transactionalId: 't', dataVariables: { blob: 'x'.repeat(1024 * 1024) } })
    const response = await fetch(`${proxy.url}/api/v1/transactional`, { method: 'POST', body, headers: { 'content-type': 'application/json' } })
    expect(await response.json()).toMatchObject({ success: true, bytes: Buffer.byteLength(body) })
    expect(upstream.received[0]?.headers['content-length']).toBe(String(Buffer.byteLength(body)))
  })

  it('refuses a body over 4 MiB with 413 before the upstream sees it', async () => {
    const upstream = await fakeUpstream()
    const { proxy } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    const response = await fetch(`${proxy.url}/api/v1/transactional`, { method: 'POST', body: 'x'.repeat(4 * 1024 * 1024 + 1) })
    expect(response.status).toBe(413)
    expect(upstream.received).toEqual([])
  })

  it('streams the response down: the client reads the first chunk before the upstream has finished', async () => {
    let release: () => void = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    const upstream = await fakeUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' })
      res.write('{"part":1}\n')
      void released.then(() => res.end('{"part":2}\n'))
    })
    const { proxy } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    const response = await fetch(`${proxy.url}/api/v1/contacts/properties`)
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    const first = await reader.read()
    expect(first.value).toBe('{"part":1}\n')
    release()
    let rest = ''
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += chunk.value
    expect(rest).toBe('{"part":2}\n')
  })

  it('answers 504 JSON when the upstream does not answer within the timeout', async () => {
    const upstream = await fakeUpstream(() => {}) // accepts the connection, never answers
    const { proxy, lines } = await startProxy({ upstream: upstream.url, apiKey: KEY, timeoutMs: 50 })
    const response = await fetch(`${proxy.url}/api/v1/events/send`, { method: 'POST', body: '{}' })
    expect(response.status).toBe(504)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect((await response.json()) as unknown).toEqual({ success: false, message: expect.stringContaining('did not answer within 0.05 s') })
    expect(lines).toEqual([expect.stringMatching(/^POST \/api\/v1\/events\/send 504 \d+ms \(refused: timeout\)$/)])
  })

  it('answers 502 JSON when the upstream is unreachable', async () => {
    const closed = createServer()
    const url = await listen(closed)
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const { proxy } = await startProxy({ upstream: url, apiKey: KEY })
    const response = await fetch(`${proxy.url}/api/v1/api-key`)
    expect(response.status).toBe(502)
    expect(await response.json()).toEqual({ success: false, message: expect.stringContaining('ECONNREFUSED') })
  })

  it.each(['TRACE', 'PATCH'])('refuses %s with 405', async (method) => {
    const upstream = await fakeUpstream()
    const { port } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    const response = await raw(port, '/api/v1/api-key', { method })
    expect(response.status).toBe(405)
    expect(upstream.received).toEqual([])
  })

  it('refuses CONNECT (tunnelling through the proxy) with 405', async () => {
    const upstream = await fakeUpstream()
    const { port } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'CONNECT', path: new URL(upstream.url).host })
      req.on('connect', (res: IncomingMessage, socket) => {
        socket.destroy()
        resolve(res.statusCode)
      })
      req.on('response', (res) => resolve(res.statusCode))
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(405)
    expect(upstream.received).toEqual([])
  })

  it('never sends the key back, in status text, headers, body or log, even from an upstream that echoes it', async () => {
    const upstream = await fakeUpstream((req, res) => {
      res.writeHead(401, `Unauthorized ${req.headers.authorization ?? ''}`, { 'content-type': 'application/json', 'x-echo': req.headers.authorization ?? '' })
      res.end(JSON.stringify({ success: false, message: `Invalid API key ${req.headers.authorization}` }))
    })
    const { proxy, lines } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    const responses = [
      await raw(Number(new URL(proxy.url).port), '/api/v1/api-key'),
      await raw(Number(new URL(proxy.url).port), `/api/v1/${KEY}/%2e%2e`),
    ]
    const seen = JSON.stringify(responses) + lines.join('\n')
    expect(responses.map((r) => r.status)).toEqual([401, 400])
    expect(seen).toContain('Invalid API key Bearer [redacted]')
    expect(seen).not.toContain(KEY)
  })

  it('refuses to bind to a non-loopback address', async () => {
    await expect(serveProxy({ port: 0, host: '0.0.0.0' })).rejects.toThrow(/not a loopback address/)
  })
})

describe('proxy under abuse', () => {
  it('redacts the key in a header name as well as in values', async () => {
    const upstream = await fakeUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', [`x-key-${KEY}`]: 'yes', 'x-plain': 'ok' })
      res.end('{"success":true}')
    })
    const { proxy, lines } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    const response = await raw(Number(new URL(proxy.url).port), '/api/v1/api-key')
    expect(response.status).toBe(200)
    expect(JSON.stringify(response.headers) + lines.join('\n')).not.toContain(KEY)
    expect(response.headers['x-key-redacted']).toBe('yes')
    expect(response.headers['x-plain']).toBe('ok')
  })

  it('refuses to start with a key too short to redact safely, and says so', async () => {
    await expect(serveProxy({ port: 0, apiKey: 'abc123' })).rejects.toThrow(/6 characters.*at least 8/)
  })

  it('answers a corrupt content-encoding from the upstream as a 502 JSON failure, logged as 502, not an empty 200', async () => {
    const upstream = await fakeUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
      res.end('this is not gzip at all')
    })
    const { proxy, lines } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    const response = await raw(Number(new URL(proxy.url).port), '/api/v1/api-key')
    expect(response.status).toBe(502)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(response.headers['x-loops-proxy']).toBe('upstream')
    expect(JSON.parse(response.body)).toEqual({ success: false, message: expect.stringContaining('could not be decoded') })
    expect(lines).toEqual([expect.stringMatching(/^GET \/api\/v1\/api-key 502 \d+ms \(refused: upstream\)$/)])
  })

  it('fails the client when the upstream times out in the middle of the body, and logs the failure', async () => {
    const upstream = await fakeUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"success":true,"pad":"')
      setTimeout(() => res.write('aaaa'), 20)
      // never finishes: the proxy's 100 ms timeout strikes after the status and the first bytes went out
    })
    const { proxy, lines } = await startProxy({ upstream: upstream.url, apiKey: KEY, timeoutMs: 100 })
    const outcome = await fetch(`${proxy.url}/api/v1/api-key`)
      .then(async (response) => `complete ${response.status} ${await response.text()}`)
      .catch((error: Error) => `failed: ${error.message}`)
    expect(outcome).not.toMatch(/^complete 200/)
    await expect.poll(() => lines.length).toBe(1)
    expect(lines[0]).toMatch(/^GET \/api\/v1\/api-key 200 \d+ms \(failed mid-body: timeout\)$/)
  })

  /** Raw bytes the proxy's HTTP parser refuses: each answer is JSON, marked as the proxy's own. */
  it.each([
    ['garbage', 'HELLO\r\n\r\n'],
    ['header without a colon', 'GET /api/v1/api-key HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n'],
    ['smuggling: Content-Length with Transfer-Encoding', 'POST /api/v1/events/send HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
    ['NUL in a header name', 'GET /api/v1/api-key HTTP/1.1\r\nHost: 127.0.0.1\r\nX-\u0000: 1\r\n\r\n'],
  ])('answers its own parse errors (%s) as JSON', async (_name, bytes) => {
    const upstream = await fakeUpstream()
    const { port } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    const [answer] = parseAnswers(await rawExchange(port, bytes))
    expect(answer?.status).toBe(400)
    expect(answer?.headers['x-loops-proxy']).toBe('malformed')
    expect(JSON.parse(answer?.body ?? '')).toEqual({ success: false, message: expect.stringContaining('Malformed HTTP request') })
    expect(upstream.received).toEqual([])
  })

  it('answers a path over 8 KB with JSON and forwards nothing', async () => {
    const upstream = await fakeUpstream()
    const { port } = await startProxy({ upstream: upstream.url, apiKey: KEY })
    const response = await raw(port, `/api/v1/${'a'.repeat(8300)}`, { headers: { host: `127.0.0.1:${port}` } })
    expect([414, 404]).toContain(response.status)
    expect(JSON.parse(response.body)).toEqual({ success: false, message: expect.any(String) })
    expect(upstream.received).toEqual([])
  })
})
