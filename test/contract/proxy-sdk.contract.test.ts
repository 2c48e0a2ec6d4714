// The official `loops` SDK through the proxy, in front of the standalone mock server: what a user gets when they
// point the SDK at `loops-playground proxy` with LOOPS_API_KEY set.
import { APIError, LoopsClient, RateLimitExceededError } from 'loops'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startHttpServerMock, type HttpServerMock } from '../../mock-server/hosts/http-server.ts'
import { serveProxy, type RunningProxy } from '../../src/proxy/serve-proxy.ts'

const KEY = '6f1e3c2b9a8d7e6f5a4b3c2d1e0f9a8b'
let mockServer: HttpServerMock
let proxy: RunningProxy
let keyless: RunningProxy
const lines: string[] = []
let now = Date.parse('2026-01-01T00:00:00Z')

beforeAll(async () => {
  mockServer = await startHttpServerMock({ keys: { [KEY]: 'Acme' }, rateLimit: 3, clock: { now: () => now } })
  proxy = await serveProxy({ port: 0, upstream: mockServer.url, apiKey: KEY, log: (line) => lines.push(line) })
  keyless = await serveProxy({ port: 0, upstream: mockServer.url, log: (line) => lines.push(line) })
})
afterAll(async () => {
  await proxy.close()
  await keyless.close()
  await mockServer.close()
})
beforeEach(async () => {
  await mockServer.mock.reset()
  now += 60_000 // a fresh rate window
})

/** The SDK as a user would configure it: its own key is a placeholder, the proxy supplies the real one. */
function sdk(base = proxy.url, key = 'placeholder-the-proxy-replaces'): LoopsClient {
  const loops = new LoopsClient(key)
  loops.apiRoot = `${base}/api/`
  return loops
}

describe('the official SDK through the proxy', () => {
  it("authenticates with the proxy's key, not the SDK's", async () => {
    expect(await sdk().testApiKey()).toEqual({ success: true, teamName: 'Acme' })
  })

  it('creates a contact and finds it again', async () => {
    const created = await sdk().createContact({ email: 'sam@example.com', properties: { firstName: 'Sam' } })
    expect(created).toEqual({ success: true, id: expect.any(String) })
    const found = await sdk().findContact({ email: 'sam@example.com' })
    expect(found).toEqual([expect.objectContaining({ id: created.id, email: 'sam@example.com', firstName: 'Sam' })])
  })

  it('sends an event that lands on the contact timeline, and a reused Idempotency-Key is a 409', async () => {
    const event = { email: 'sam@example.com', eventName: 'signed_up', headers: { 'Idempotency-Key': 'msg-0001' } }
    expect(await sdk().sendEvent(event)).toEqual({ success: true })
    const again = await sdk().sendEvent(event).catch((error: unknown) => error)
    expect(again).toBeInstanceOf(APIError)
    expect((again as APIError).statusCode).toBe(409)
    expect(mockServer.mock.events('Acme').map((e) => [e.eventName, e.idempotencyKey])).toEqual([['signed_up', 'msg-0001']])
  })

  it('passes the 429 and its x-ratelimit headers down to the SDK', async () => {
    const loops = sdk()
    for (let i = 0; i < 3; i++) await loops.listMailingLists()
    const error = await loops.listMailingLists().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitExceededError)
    expect(error).toMatchObject({ limit: 3, remaining: 0 })
  })

  it("forwards the SDK's own key when the proxy has none: a wrong one is Loops' 401, the right one works", async () => {
    const wrong = await sdk(keyless.url, 'not-a-key').testApiKey().catch((e: unknown) => e)
    expect(wrong).toBeInstanceOf(APIError)
    expect((wrong as APIError).statusCode).toBe(401)
    expect(await sdk(keyless.url, KEY).testApiKey()).toEqual({ success: true, teamName: 'Acme' })
  })

  it("refuses the mock's /_mock control API, which is not Loops'", async () => {
    const response = await fetch(`${proxy.url}/_mock/reset`, { method: 'POST' })
    expect(response.status).toBe(404)
  })

  it('logs one line per request, without the key or the query', async () => {
    lines.length = 0
    await sdk().findContact({ email: 'sam@example.com' })
    await sdk(keyless.url, KEY).testApiKey()
    expect(lines).toEqual([expect.stringMatching(/^GET \/api\/v1\/contacts\/find 200 \d+ms$/), expect.stringMatching(/^GET \/api\/v1\/api-key 200 \d+ms$/)])
    expect(lines.join('\n')).not.toContain(KEY)
  })
})
