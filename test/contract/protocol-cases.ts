import { expect, it } from 'vitest'
import type { ContractClient } from './contract-client.ts'

type Get = () => ContractClient
type Ctx = { skip: (note?: string) => never }

/** Body errors, methods, routes, rate limit, CORS. */
export function protocolCases(get: Get): void {
  it('answers 400 with a message for malformed JSON, a body that is not an object, and a non-JSON content type', async () => {
    const { call, email } = get()
    const cases: { rawBody: string; headers?: Record<string, string>; says: RegExp }[] = [
      { rawBody: '{"email": "a@example.com", "eventName": ', says: /JSON/ },
      { rawBody: '["not", "an", "object"]', says: /object/ },
      { rawBody: `email=${email('form')}&eventName=x`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, says: /Content-Type|JSON/ },
    ]
    for (const c of cases) {
      const res = await get().call('POST', 'events/send', { rawBody: c.rawBody, ...(c.headers ? { headers: c.headers } : {}) })
      expect(res.status, c.rawBody).toBe(400)
      expect(res.json).toMatchObject({ success: false, message: expect.stringMatching(get().target.control ? c.says : /./) })
    }
    void call
  })

  it('answers 405 for a method the endpoint does not take', async () => {
    const res = await get().call('DELETE', 'lists')
    expect(res.status).toBe(405)
  })

  it('answers 404 JSON for an unknown route', async (ctx: Ctx) => {
    if (!get().target.control) ctx.skip('real Loops answers unknown routes from its web host')
    const res = await get().call('GET', 'no-such-endpoint')
    expect(res.status).toBe(404)
    expect(res.json).toMatchObject({ success: false, message: expect.any(String) })
  })

  it('counts x-ratelimit-remaining down within a window and answers 429 over the limit', async (ctx: Ctx) => {
    const client = get()
    if (!client.target.control) ctx.skip('needs the mock clock to start a fresh window')
    await client.control('POST', 'clock/advance', { ms: 1000 })
    const limit = Number((await client.call('GET', 'api-key')).headers.get('x-ratelimit-limit'))
    const remaining: number[] = []
    for (let i = 1; i < limit; i++) remaining.push(Number((await client.call('GET', 'api-key')).headers.get('x-ratelimit-remaining')))
    expect(remaining).toEqual(Array.from({ length: limit - 1 }, (_, i) => limit - 2 - i))
    const over = await client.call('GET', 'api-key', { allow429: true })
    expect(over.status).toBe(429)
    expect(over.headers.get('x-ratelimit-limit')).toBe(String(limit))
    expect(over.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(over.json).toEqual({ success: false, message: 'Rate limit exceeded' })
    await client.control('POST', 'clock/advance', { ms: 1000 })
    expect((await client.call('GET', 'api-key', { allow429: true })).status).toBe(200)
  })

  it('shares one rate limit between the keys of a team', async (ctx: Ctx) => {
    const client = get()
    if (!client.target.control) ctx.skip('needs the mock key API')
    const team = ((await client.call('GET', 'api-key')).json as { teamName: string }).teamName
    const { key } = (await client.control('POST', 'keys', { team })) as { key: string }
    await client.control('POST', 'clock/advance', { ms: 1000 })
    const first = await client.call('GET', 'api-key')
    const second = await client.call('GET', 'api-key', { key })
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(Number(first.headers.get('x-ratelimit-remaining')) - 1)
    await client.control('DELETE', `keys/${key}`)
    if (client.target.checksClientKey) expect((await client.call('GET', 'api-key', { key })).status).toBe(401)
  })

  it('answers CORS preflights and carries Access-Control-Allow-Origin: * on API responses', async (ctx: Ctx) => {
    const client = get()
    if (!client.target.control) ctx.skip('real Loops preflight behaviour is not recorded')
    if (client.target.behindProxy) ctx.skip('the proxy answers CORS itself, echoing only allowed origins')
    const preflight = await fetch(`${client.target.baseUrl}/api/v1/events/send`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key')
    expect((await client.call('GET', 'api-key')).headers.get('access-control-allow-origin')).toBe('*')
  })
}
