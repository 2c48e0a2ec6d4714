import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { startHttpServerMock, type HttpServerMock } from '../../mock-server/hosts/http-server.ts'

// The /_mock control API over HTTP (what the playground and users call): reset, inspection, faults, clock, keys.
const KEY = 'control-key'
let server: HttpServerMock
let clockMs = Date.UTC(2026, 5, 1)
let randomValues: number[] = []

beforeAll(async () => {
  server = await startHttpServerMock({ keys: { [KEY]: 'Control Team' }, clock: { now: () => clockMs }, random: () => randomValues.shift() ?? 0, sleep: async () => {} })
})
afterAll(() => server.close())
beforeEach(async () => {
  await control('POST', 'reset')
  clockMs += 1000
})

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; headers: Headers }> {
  const res = await fetch(`${server.url}/_mock/${path}`, { method, ...(body !== undefined ? { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {}) })
  return { status: res.status, json: await res.json(), headers: res.headers }
}

const sendEvent = (email: string, init: { key?: string; idempotencyKey?: string } = {}) =>
  fetch(`${server.url}/api/v1/events/send`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${init.key ?? KEY}`, 'Content-Type': 'application/json', ...(init.idempotencyKey ? { 'Idempotency-Key': init.idempotencyKey } : {}) },
    body: JSON.stringify({ email, eventName: 'signed_up', eventProperties: { plan: 'pro' } }),
  })

it('logs each API request with time, team, method, path, status, idempotency key and both bodies', async () => {
  await sendEvent('log@example.com', { idempotencyKey: 'log-key' })
  const { json } = await control('GET', 'requests')
  expect(json).toEqual([
    {
      at: new Date(clockMs).toISOString(),
      team: 'Control Team',
      method: 'POST',
      path: '/api/v1/events/send',
      status: 200,
      idempotencyKey: 'log-key',
      requestBody: { email: 'log@example.com', eventName: 'signed_up', eventProperties: { plan: 'pro' } },
      responseBody: { success: true },
    },
  ])
})

it('logs the raw text of a body that is not JSON, with the 400 that answered it', async () => {
  await fetch(`${server.url}/api/v1/events/send`, { method: 'POST', headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' }, body: '{"email": oops' })
  const [entry] = (await control('GET', 'requests')).json as { status: number; requestBody: unknown; responseBody: { message: string } }[]
  expect(entry).toMatchObject({ status: 400, requestBody: '{"email": oops', responseBody: { success: false, message: expect.stringMatching(/not valid JSON/) } })
})

it('lists contacts with their timelines and events, and reset empties them but keeps the seed', async () => {
  await sendEvent('reset@example.com')
  expect(((await control('GET', 'contacts')).json as unknown[]).length).toBe(1)
  expect(((await control('GET', 'events?team=Control%20Team')).json as { eventName: string }[]).map((e) => e.eventName)).toEqual(['signed_up'])
  expect((await control('POST', 'reset')).json).toEqual({ success: true })
  expect((await control('GET', 'contacts')).json).toEqual([])
  const lists = await fetch(`${server.url}/api/v1/lists`, { headers: { Authorization: `Bearer ${KEY}` } })
  expect(((await lists.json()) as unknown[]).length).toBe(2)
})

it('forces a status on the next N matching requests, then answers normally', async () => {
  const { json } = await control('POST', 'faults', { path: '/api/v1/events/send', status: 503, count: 2 })
  expect(json).toMatchObject({ success: true, id: expect.any(String) })
  const first = await sendEvent('f@example.com')
  expect(first.headers.get('x-ratelimit-limit')).toBe('10')
  expect(await first.json()).toEqual({ success: false, message: 'Injected fault: status 503.' })
  const statuses = [first.status, (await sendEvent('f@example.com')).status, (await sendEvent('f@example.com')).status]
  expect(statuses).toEqual([503, 503, 200])
  expect((await control('GET', 'faults')).json).toEqual([])
})

it('forces a 429 with Loops rate-limit headers, and applies a fault to a fraction of requests', async () => {
  await control('POST', 'faults', { status: 429, probability: 0.5 })
  randomValues = [0.1, 0.9]
  const limited = await sendEvent('p@example.com')
  expect(limited.status).toBe(429)
  expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
  expect(await limited.json()).toEqual({ success: false, message: 'Rate limit exceeded' })
  expect((await sendEvent('p@example.com')).status).toBe(200)
  expect((await control('DELETE', 'faults')).json).toEqual({ success: true })
})

it('drops the connection so fetch rejects', async () => {
  await control('POST', 'faults', { path: '/api/v1/events/send', drop: true, count: 1 })
  await expect(sendEvent('drop@example.com')).rejects.toThrow(TypeError)
  expect((await sendEvent('drop@example.com')).status).toBe(200)
})

it('answers 400 with a message for an invalid fault rule or clock advance', async () => {
  for (const [path, body] of [['faults', { status: 42 }], ['faults', { path: '/x' }], ['clock/advance', { ms: 'soon' }], ['clock/advance', { ms: -5 }]] as const) {
    const res = await control('POST', path, body)
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ success: false, message: expect.any(String) })
  }
})

it('advances the virtual clock, which moves the rate-limit window and the 24-hour idempotency window', async () => {
  const before = ((await control('GET', 'clock')).json as { now: number }).now
  expect((await control('POST', 'clock/advance', { ms: 5000 })).json).toMatchObject({ now: before + 5000 })
  expect((await sendEvent('clock@example.com', { idempotencyKey: 'clock-key' })).status).toBe(200)
  await control('POST', 'clock/advance', { ms: 24 * 3600 * 1000 })
  expect((await sendEvent('clock@example.com', { idempotencyKey: 'clock-key' })).status).toBe(200)
})

it('adds a key to a new team, with its own seed and rate limit, and revokes it', async () => {
  const { json } = await control('POST', 'keys', { team: 'Globex' })
  const { key } = json as { key: string }
  expect(key).toMatch(/^[0-9a-f]{32}$/)
  const res = await fetch(`${server.url}/api/v1/api-key`, { headers: { Authorization: `Bearer ${key}` } })
  expect(await res.json()).toEqual({ success: true, teamName: 'Globex' })
  expect(res.headers.get('x-ratelimit-remaining')).toBe('9')
  expect((await control('GET', 'keys')).json).toContainEqual({ key, team: 'Globex', revoked: false })
  await control('DELETE', `keys/${key}`)
  expect((await fetch(`${server.url}/api/v1/api-key`, { headers: { Authorization: `Bearer ${key}` } })).status).toBe(401)
})

it('revokes a key given in the body of POST /_mock/keys/revoke, so the key never appears in a URL', async () => {
  const { key } = (await control('POST', 'keys', { team: 'Initech' })).json as { key: string }
  expect((await control('POST', 'keys/revoke', { key })).json).toEqual({ success: true })
  expect((await fetch(`${server.url}/api/v1/api-key`, { headers: { Authorization: `Bearer ${key}` } })).status).toBe(401)
  const unknown = await control('POST', 'keys/revoke', { key: 'no-such-key' })
  expect(unknown.status).toBe(400)
  expect(JSON.stringify(unknown.json)).not.toContain('no-such-key')
})

it('answers CORS preflights on /_mock and carries Access-Control-Allow-Origin: *', async () => {
  const preflight = await fetch(`${server.url}/_mock/faults`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' } })
  expect(preflight.status).toBe(204)
  expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
  expect((await control('GET', 'keys')).headers.get('access-control-allow-origin')).toBe('*')
  expect((await control('GET', 'nothing-here')).status).toBe(404)
})

it('pages the contact list: ?limit and ?offset, x-total-count, and a link to the next page', async () => {
  for (const n of [1, 2, 3, 4, 5]) await sendEvent(`page${n}@example.com`)
  const first = await control('GET', 'contacts?limit=2')
  expect((first.json as { contact: { email: string } }[]).map((c) => c.contact.email)).toEqual(['page1@example.com', 'page2@example.com'])
  expect(first.headers.get('x-total-count')).toBe('5')
  expect(first.headers.get('link')).toBe('</_mock/contacts?limit=2&offset=2>; rel="next"')
  const last = await control('GET', 'contacts?limit=2&offset=4')
  expect((last.json as { contact: { email: string } }[]).map((c) => c.contact.email)).toEqual(['page5@example.com'])
  expect(last.headers.get('link')).toBeNull()
  expect((last.json as { timeline: unknown[] }[])[0]?.timeline).toHaveLength(1)
})

it('pages the request log from its end with a negative offset, newest last', async () => {
  for (const n of [1, 2, 3]) await sendEvent(`tail${n}@example.com`)
  const { json, headers } = await control('GET', 'requests?offset=-2')
  expect((json as { requestBody: { email: string } }[]).map((r) => r.requestBody.email)).toEqual(['tail2@example.com', 'tail3@example.com'])
  expect(headers.get('x-total-count')).toBe('3')
})

it('refuses a page size out of range with a 400 that says the range', async () => {
  const { status, json } = await control('GET', 'events?limit=5000')
  expect(status).toBe(400)
  expect(json).toEqual({ success: false, message: '`limit` must be a whole number from 1 to 1000, got "5000"' })
})
