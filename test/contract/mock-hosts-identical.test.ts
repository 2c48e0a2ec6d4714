import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startHttpServerMock, type HttpServerMock } from '../../mock-server/hosts/http-server.ts'

// The standalone server answers straight from the mock's dispatcher (no Fetch objects, no msw); the browser and
// setupServer hosts answer through msw's handlers. This suite sends one table of requests to a server on each
// path and requires byte-identical answers: status, every header but the connection's own, and the body.
const KEY = 'identical-key'
const CONNECTION_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])

/** a seeded generator, so both mocks make the same ids */
const seeded = (): (() => number) => {
  let s = 42
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648)
}

let direct: HttpServerMock
let viaMsw: HttpServerMock
beforeAll(async () => {
  const options = { keys: { [KEY]: 'Same' }, rateLimit: 40, clock: { now: () => Date.UTC(2026, 5, 1) } }
  direct = await startHttpServerMock({ ...options, random: seeded() })
  viaMsw = await startHttpServerMock({ ...options, random: seeded(), via: 'msw' })
})
afterAll(() => Promise.all([direct.close(), viaMsw.close()]))

interface Case {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string
}

const auth = { Authorization: `Bearer ${KEY}` }
const json = { ...auth, 'Content-Type': 'application/json' }
const send = (body: unknown): string => JSON.stringify(body)
const CASES: Case[] = [
  { method: 'GET', path: '/api/v1/api-key', headers: auth },
  { method: 'GET', path: '/api/v1/api-key' },
  { method: 'GET', path: '/api/v1/api-key', headers: { Authorization: 'Bearer wrong' } },
  { method: 'OPTIONS', path: '/api/v1/events/send', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' } },
  { method: 'POST', path: '/api/v1/events/send', headers: { ...json, 'Idempotency-Key': 'same-1' }, body: send({ email: 'a@example.com', eventName: 'signed_up', firstName: 'Ann' }) },
  { method: 'POST', path: '/api/v1/events/send', headers: { ...json, 'Idempotency-Key': 'same-1' }, body: send({ email: 'a@example.com', eventName: 'signed_up', firstName: 'Ann' }) },
  { method: 'POST', path: '/api/v1/events/send', headers: { ...json, 'Idempotency-Key': 'same-1' }, body: send({ email: 'a@example.com', eventName: 'other' }) },
  { method: 'POST', path: '/api/v1/events/send', headers: json, body: send({ email: 'not-an-email', eventName: 'x' }) },
  { method: 'POST', path: '/api/v1/events/send', headers: json, body: '{"email":' },
  { method: 'POST', path: '/api/v1/events/send', headers: auth, body: '{}' },
  { method: 'POST', path: '/api/v1/events/send', headers: json, body: `{"email":"big@example.com","eventName":"x","note":"${'a'.repeat(1_100_000)}"}` },
  { method: 'POST', path: '/api/v1/events/send', headers: json, body: '[1,2]' },
  { method: 'POST', path: '/api/v1/events/send', headers: json, body: '{"__proto__":{"x":1},"email":"p@example.com","eventName":"x"}' },
  { method: 'POST', path: '/api/v1/contacts/create', headers: json, body: send({ email: 'b@example.com', userId: 'u-b', plan: 'pro' }) },
  { method: 'POST', path: '/api/v1/contacts/create', headers: json, body: send({ email: 'b@example.com' }) },
  { method: 'PUT', path: '/api/v1/contacts/update', headers: json, body: send({ userId: 'u-b', email: 'b2@example.com' }) },
  { method: 'GET', path: '/api/v1/contacts/find?email=b2%40example.com', headers: auth },
  { method: 'GET', path: '/api/v1/contacts/find?userId=nobody', headers: auth },
  { method: 'GET', path: '/api/v1/contacts/find?email=x@example.com&userId=y', headers: auth },
  { method: 'POST', path: '/api/v1/contacts/delete', headers: json, body: send({ email: 'nobody@example.com' }) },
  { method: 'GET', path: '/api/v1/lists', headers: auth },
  { method: 'GET', path: '/api/v1/contacts/properties?list=all', headers: auth },
  { method: 'GET', path: '/api/v1/transactional', headers: auth },
  { method: 'POST', path: '/api/v1/transactional', headers: json, body: send({ transactionalId: 'nope', email: 'a@example.com' }) },
  { method: 'DELETE', path: '/api/v1/events/send', headers: auth },
  { method: 'GET', path: '/api/v1/no/such/route', headers: auth },
  { method: 'HEAD', path: '/api/v1/api-key', headers: auth },
  { method: 'GET', path: `/api/v1/${'x'.repeat(8300)}`, headers: auth },
  { method: 'GET', path: '/somewhere/else' },
  { method: 'GET', path: '/_mock/contacts' },
  { method: 'GET', path: '/_mock/contacts?limit=1' },
  { method: 'GET', path: '/_mock/contacts?limit=0' },
  { method: 'GET', path: '/_mock/events?offset=-1' },
  { method: 'GET', path: '/_mock/emails' },
  { method: 'GET', path: '/_mock/requests?offset=-5&limit=3' },
  { method: 'POST', path: '/_mock/faults', headers: { 'Content-Type': 'application/json' }, body: send({ path: '/api/v1/lists', status: 503, count: 1 }) },
  { method: 'GET', path: '/api/v1/lists', headers: auth },
  { method: 'GET', path: '/_mock/faults' },
  { method: 'GET', path: '/_mock/clock' },
  { method: 'POST', path: '/_mock/clock/advance', headers: { 'Content-Type': 'application/json' }, body: '{"ms":1000}' },
  { method: 'GET', path: '/_mock/nothing-here' },
  { method: 'OPTIONS', path: '/_mock/reset' },
  // the rate limit (40 a second on this mock, on a clock that stands still): the same requests run out of it at the same point on both
  ...Array.from({ length: 45 }, (): Case => ({ method: 'GET', path: '/api/v1/api-key', headers: auth })),
  { method: 'POST', path: '/_mock/reset' },
  { method: 'GET', path: '/_mock/contacts' },
]

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function call(base: string, c: Case): Promise<Answer> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: c.method, path: c.path, headers: c.headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const headers = Object.fromEntries(Object.entries(res.headers).filter(([name]) => !CONNECTION_HEADERS.has(name)))
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('latin1') })
      })
    })
    req.on('error', reject)
    req.end(c.body)
  })
}

it(`gives byte-identical answers on the direct path and through msw's handlers, over ${CASES.length} requests`, async () => {
  const statuses = new Set<number>()
  for (const [i, c] of CASES.entries()) {
    const [a, b] = [await call(direct.url, c), await call(viaMsw.url, c)]
    const where = `#${i} ${c.method} ${c.path.slice(0, 60)}`
    expect(a.status, where).toBe(b.status)
    expect(a.headers, where).toEqual(b.headers)
    expect(a.body, where).toBe(b.body)
    statuses.add(a.status)
  }
  // the table reaches every kind of answer, so agreement means something
  expect([...statuses].toSorted()).toEqual(expect.arrayContaining([200, 204, 400, 401, 404, 405, 409, 413, 414, 429, 503]))
})
