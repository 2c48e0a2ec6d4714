// The proxy as a fetch handler: every rule checked with a Request in and a Response out, and a stub upstream fetch
// that records what would have left the machine.
import { describe, expect, it } from 'vitest'
import { createProxy, type ProxyOptions } from '../../src/proxy/create-proxy.ts'
import { ProxyConfigError } from '../../src/proxy/proxy-config-error.ts'

const KEY = 'd2d561f5ff80136f69b4b5a31b9fb3c9'
const BASE = 'http://127.0.0.1:8787'

interface Sent {
  url: string
  method: string
  headers: Headers
  body: string | null
}

function setup(overrides: Partial<ProxyOptions> = {}, answer?: (sent: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = []
  const lines: string[] = []
  const fetch = (async (input: URL | RequestInfo, init?: RequestInit) => {
    const body = init?.body ? await new Response(init.body).text() : null
    const record = { url: String(input), method: init?.method ?? 'GET', headers: new Headers(init?.headers), body }
    sent.push(record)
    return answer ? answer(record) : Response.json({ success: true }, { headers: { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '9' } })
  }) as typeof globalThis.fetch
  const proxy = createProxy({
    upstream: 'https://app.loops.so',
    apiKey: KEY,
    fetch,
    allowedHosts: ['127.0.0.1:8787', 'localhost:8787', '[::1]:8787'],
    allowedOrigins: ['http://127.0.0.1:5173'],
    log: (line) => lines.push(line),
    ...overrides,
  })
  return { proxy, sent, lines }
}

const request = (path: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string>; duplex?: 'half' } = {}) =>
  new Request(`${BASE}${path}`, { ...init, headers: { host: '127.0.0.1:8787', ...init.headers } } as RequestInit)

describe('proxy handler', () => {
  it('forwards /api/v1 paths with their query to the upstream origin', async () => {
    const { proxy, sent } = setup()
    const response = await proxy(request('/api/v1/contacts/find?email=sam%40example.com'))
    expect(response.status).toBe(200)
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual(['GET https://app.loops.so/api/v1/contacts/find?email=sam%40example.com'])
  })

  it('adds the configured key and ignores the Authorization the client sends', async () => {
    const { proxy, sent } = setup()
    await proxy(request('/api/v1/api-key', { headers: { authorization: 'Bearer attacker' } }))
    expect(sent[0]?.headers.get('authorization')).toBe(`Bearer ${KEY}`)
  })

  it("forwards the client's own Authorization when no key is configured", async () => {
    const { proxy, sent } = setup({ apiKey: undefined })
    await proxy(request('/api/v1/api-key', { headers: { authorization: 'Bearer clients-own-key-123' } }))
    expect(sent[0]?.headers.get('authorization')).toBe('Bearer clients-own-key-123')
  })

  it('sends no Authorization when neither the proxy nor the client has a key', async () => {
    const { proxy, sent } = setup({ apiKey: undefined })
    await proxy(request('/api/v1/api-key'))
    expect(sent[0]?.headers.has('authorization')).toBe(false)
  })

  it('passes Idempotency-Key and the JSON body up, and drops cookies, Origin, Referer and forwarding headers', async () => {
    const { proxy, sent } = setup()
    await proxy(
      request('/api/v1/events/send', {
        method: 'POST',
        body: '{"email":"sam@example.com","eventName":"signed_up"}',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': 'msg-1',
          cookie: 'session=abc',
          origin: 'http://127.0.0.1:5173',
          referer: 'http://127.0.0.1:5173/',
          'x-forwarded-for': '10.0.0.1',
          'keep-alive': 'timeout=5',
        },
      }),
    )
    const up = sent[0]
    expect(up?.body).toBe('{"email":"sam@example.com","eventName":"signed_up"}')
    expect(up?.headers.get('idempotency-key')).toBe('msg-1')
    expect(up?.headers.get('content-type')).toBe('application/json')
    expect([...(up?.headers.keys() ?? [])].toSorted()).toEqual(['authorization', 'content-type', 'idempotency-key'])
  })

  it('passes x-ratelimit-* and Retry-After down and strips Set-Cookie, hop-by-hop and upstream CORS headers', async () => {
    const { proxy } = setup({}, () => {
      const headers = new Headers({
        'content-type': 'application/json',
        'x-ratelimit-limit': '10',
        'x-ratelimit-remaining': '0',
        'retry-after': '1',
        'set-cookie': 'tracking=1',
        'keep-alive': 'timeout=5',
        'x-private': 'hop',
        connection: 'x-private',
        'access-control-allow-origin': '*',
        'access-control-allow-credentials': 'true',
      })
      return new Response('{"success":false,"message":"Rate limit exceeded"}', { status: 429, headers })
    })
    const response = await proxy(request('/api/v1/events/send', { method: 'POST', body: '{}' }))
    expect(response.status).toBe(429)
    expect(Object.fromEntries(response.headers)).toEqual({
      'content-type': 'application/json',
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': '0',
      'retry-after': '1',
    })
    expect(await response.json()).toEqual({ success: false, message: 'Rate limit exceeded' })
  })

  it.each([
    ['/api/v1/contacts/..%2f..%2fadmin', '..'],
    ['/api/v1/.%2e./admin', '%2e'],
    ['/api/v1/contacts/%2E%2Ejson', '%2e'],
    ['/api/v1/contacts%2Fdelete', '%2f'],
    ['/api/v1/contacts%5c..%5cadmin', '..'],
    ['/api/v1//evil.example/x', '//'],
  ])('refuses the raw path %s with 400 before anything is forwarded', async (path, token) => {
    const { proxy, sent } = setup()
    const response = await proxy(request(path))
    expect(response.status).toBe(400)
    expect(response.headers.get('x-loops-proxy')).toBe('path')
    expect(await response.json()).toEqual({ success: false, message: expect.stringContaining(`"${token}"`) })
    expect(sent).toEqual([])
  })

  it.each([
    '/api/v1/../../admin',
    '/api/v1/%2e%2e/%2e%2e/admin',
    '/api/v1/a\\..\\..\\admin',
    '//evil.example/api/v1/events/send',
    '/api/v1/events/send/../../../v2',
  ])('refuses the raw path %s given by a host adapter with 400, although a URL parser would resolve it', async (raw) => {
    const { proxy, sent } = setup()
    const response = await proxy(request('/api/v1/events/send'), { rawUrl: raw })
    expect(response.status).toBe(400)
    expect(sent).toEqual([])
  })

  it('answers 404, never forwarding, when the URL parser has already resolved %2e%2e segments out of /api/v1/', async () => {
    const { proxy, sent } = setup()
    const response = await proxy(request('/api/v1/%2e%2e/%2E%2E/admin'))
    expect(response.status).toBe(404)
    expect(sent).toEqual([])
  })

  it('allows dots, slashes and encoded characters in the query, which cannot change the target path', async () => {
    const { proxy, sent } = setup()
    const response = await proxy(request('/api/v1/contacts/find?userId=a%2F..%2Fb//c'))
    expect(response.status).toBe(200)
    expect(sent[0]?.url).toBe('https://app.loops.so/api/v1/contacts/find?userId=a%2F..%2Fb//c')
  })

  it.each(['/', '/api/v2/contacts', '/api/v1', '/apiv1/x', '/_mock/reset', '/api/v1x/y'])(
    'answers 404 for %s, which is not under /api/v1/, without forwarding it',
    async (path) => {
      const { proxy, sent } = setup()
      const response = await proxy(request(path))
      expect(response.status).toBe(404)
      expect(sent).toEqual([])
    },
  )

  it.each(['PATCH', 'HEAD', 'PROPFIND'])('refuses %s with 405 and an Allow header', async (method) => {
    const { proxy, sent } = setup()
    const response = await proxy(request('/api/v1/contacts/update', { method }))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, POST, PUT, DELETE, OPTIONS')
    expect(sent).toEqual([])
  })

  it.each(['PUT', 'DELETE'])('forwards %s', async (method) => {
    const { proxy, sent } = setup()
    const response = await proxy(request('/api/v1/contacts/suppression?email=a%40b.co', { method }))
    expect(response.status).toBe(200)
    expect(sent[0]?.method).toBe(method)
  })

  it.each(['evil.example:8787', 'evil.example', '127.0.0.1:9999', 'localhost'])(
    'refuses a request whose Host is %s (DNS rebinding) with 403',
    async (host) => {
      const { proxy, sent } = setup()
      const response = await proxy(request('/api/v1/api-key', { headers: { host } }))
      expect(response.status).toBe(403)
      expect(response.headers.get('x-loops-proxy')).toBe('host')
      expect(sent).toEqual([])
    },
  )

  it.each(['[::1]:8787', 'LOCALHOST:8787'])('accepts its own loopback Host %s', async (host) => {
    const { proxy } = setup()
    expect((await proxy(request('/api/v1/api-key', { headers: { host } }))).status).toBe(200)
  })

  it.each(['https://evil.example', 'null', 'http://127.0.0.1:5174', 'http://127.0.0.1:5173/'])(
    'refuses a request from the page origin %s with 403',
    async (origin) => {
      const { proxy, sent } = setup()
      const response = await proxy(request('/api/v1/events/send', { method: 'POST', body: '{}', headers: { origin } }))
      expect(response.status).toBe(403)
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
      expect(sent).toEqual([])
    },
  )

  it('refuses a cross-site browser request without Origin (an <img> or link) with 403', async () => {
    const { proxy, sent } = setup()
    const response = await proxy(request('/api/v1/contacts/find?email=a%40b.co', { headers: { 'sec-fetch-site': 'cross-site' } }))
    expect(response.status).toBe(403)
    expect(sent).toEqual([])
  })

  it('answers the playground with its own origin in Access-Control-Allow-Origin and exposes the rate-limit headers', async () => {
    const { proxy } = setup()
    const response = await proxy(request('/api/v1/api-key', { headers: { origin: 'http://127.0.0.1:5173' } }))
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173')
    expect(response.headers.get('access-control-expose-headers')).toBe('x-ratelimit-limit, x-ratelimit-remaining, retry-after')
    expect(response.headers.get('vary')).toBe('Origin')
  })

  it('answers a preflight from the playground locally, naming the allowed methods and headers', async () => {
    const { proxy, sent } = setup()
    const response = await proxy(
      request('/api/v1/events/send', {
        method: 'OPTIONS',
        headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
      }),
    )
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173')
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE')
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, Idempotency-Key')
    expect(sent).toEqual([])
  })

  it('refuses a preflight from another origin with 403 and no CORS headers', async () => {
    const { proxy } = setup()
    const response = await proxy(request('/api/v1/events/send', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } }))
    expect(response.status).toBe(403)
    expect([...response.headers.keys()].filter((h) => h.startsWith('access-control-'))).toEqual([])
  })

  it('refuses a body whose Content-Length is over 4 MiB with 413 without forwarding it', async () => {
    const { proxy, sent } = setup()
    const response = await proxy(
      request('/api/v1/transactional', { method: 'POST', body: '{}', headers: { 'content-length': String(4 * 1024 * 1024 + 1) } }),
    )
    expect(response.status).toBe(413)
    expect(sent).toEqual([])
  })

  it('refuses a streamed body that grows past the limit with 413', async () => {
    const { proxy } = setup({ maxBodyBytes: 10 })
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":"12345'))
        controller.enqueue(new TextEncoder().encode('67890"}'))
        controller.close()
      },
    })
    const response = await proxy(request('/api/v1/events/send', { method: 'POST', body: chunks, duplex: 'half' }))
    expect(response.status).toBe(413)
    expect(response.headers.get('x-loops-proxy')).toBe('size')
  })

  it('answers 504 JSON when the upstream does not answer within the timeout', async () => {
    const never = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))) as typeof fetch
    const { proxy } = setup({ fetch: never, timeoutMs: 20 })
    const response = await proxy(request('/api/v1/events/send', { method: 'POST', body: '{}' }))
    expect(response.status).toBe(504)
    expect(await response.json()).toEqual({ success: false, message: expect.stringContaining('did not answer within 0.02 s') })
  })

  it('answers 502 JSON naming the error code when the upstream is unreachable', async () => {
    const refused = (() => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }))) as typeof fetch
    const { proxy } = setup({ fetch: refused })
    const response = await proxy(request('/api/v1/api-key'))
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({ success: false, message: expect.stringContaining('(ECONNREFUSED)') })
  })

  it('strips the mount prefix before forwarding and refuses paths outside it', async () => {
    const { proxy, sent } = setup({ basePath: '/__loops_proxy' })
    expect((await proxy(request('/__loops_proxy/api/v1/lists'))).status).toBe(200)
    expect((await proxy(request('/api/v1/lists'))).status).toBe(404)
    expect(sent.map((s) => s.url)).toEqual(['https://app.loops.so/api/v1/lists'])
  })

  it('logs one line per request with method, path without the query, status and milliseconds, once the body has gone through', async () => {
    let now = 1000
    const { proxy, lines } = setup({ clock: { now: () => (now += 7) } })
    const found = await proxy(request('/api/v1/contacts/find?email=sam%40example.com'))
    expect(lines).toEqual([])
    await found.text()
    await proxy(request('/api/v1/%2fx'))
    expect(lines).toEqual(['GET /api/v1/contacts/find 200 7ms', 'GET /api/v1/%2fx 400 7ms (refused: path)'])
  })

  it('never shows the key in a response, a log line or an error message, even when the upstream echoes it', async () => {
    const echo = async (sent: Sent) => {
      // an upstream that echoes the Authorization header in a header and, split across chunks, in the body
      const auth = sent.headers.get('authorization') ?? ''
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = new TextEncoder().encode(`{"you sent":"${auth}","again":"${KEY}"}`)
          for (let i = 0; i < bytes.length; i += 5) controller.enqueue(bytes.slice(i, i + 5))
          controller.close()
        },
      })
      return new Response(body, { status: 401, headers: { 'x-debug-auth': auth, 'content-type': 'application/json' } })
    }
    const outputs: string[] = []
    const record = async (response: Response) => {
      outputs.push(JSON.stringify([...response.headers]), await response.text())
    }
    const { proxy, lines } = setup({}, echo)
    await record(await proxy(request('/api/v1/api-key', { headers: { authorization: `Bearer ${KEY}` } })))
    await record(await proxy(request(`/api/v1/${KEY}/%2e%2e`)))
    await record(await proxy(request('/api/v1/api-key', { headers: { host: `${KEY}.evil.example` } })))
    await record(await proxy(request('/api/v1/api-key', { headers: { origin: `https://${KEY}.evil.example` } })))
    const failing = setup({ fetch: (() => Promise.reject(new Error(`boom ${KEY}`))) as typeof fetch })
    await record(await failing.proxy(request(`/api/v1/${KEY}`)))
    const everything = [...outputs, ...lines, ...failing.lines].join('\n')
    expect(everything).toContain('[redacted]')
    expect(everything).not.toContain(KEY)
    expect(outputs).toHaveLength(10)
    expect(lines).toHaveLength(4)
  })

  it.each<[string, Partial<ProxyOptions>]>([
    ['a non-URL upstream', { upstream: 'app.loops.so' }],
    ['a plain-http remote upstream', { upstream: 'http://app.loops.so' }],
    ['an upstream with a path', { upstream: 'https://app.loops.so/api' }],
    ['an ftp upstream', { upstream: 'ftp://127.0.0.1' }],
    ['a key with a newline', { apiKey: `${KEY}\n` }],
    ['an origin with a path', { allowedOrigins: ['http://127.0.0.1:5173/app'] }],
    ['a zero timeout', { timeoutMs: 0 }],
  ])('refuses to start with %s', (_name, options) => {
    expect(() => setup(options)).toThrow(ProxyConfigError)
  })

  it('names what to do, without the key, when the key is malformed', () => {
    expect(() => setup({ apiKey: `${KEY} x` })).toThrow(/^LOOPS_API_KEY is empty or contains spaces.*copy it again/)
    try {
      setup({ apiKey: `${KEY} x` })
    } catch (error) {
      expect((error as Error).message).not.toContain(KEY)
    }
  })

  it('accepts plain http for a loopback upstream', () => {
    for (const upstream of ['http://127.0.0.1:4010', 'http://localhost:4010/', 'http://[::1]:4010']) {
      expect(() => setup({ upstream })).not.toThrow()
    }
  })
})
