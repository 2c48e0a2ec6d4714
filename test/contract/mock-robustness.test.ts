import { request as httpRequest } from 'node:http'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startHttpServerMock, type HttpServerMock } from '../../mock-server/hosts/http-server.ts'

// Malformed and concurrent input against the standalone server (a real port): never a 5xx, never a crash,
// every error a {success:false,message} JSON body.
const KEY = 'robust-key'
let server: HttpServerMock
let clockMs = Date.UTC(2026, 0, 1)
const clock = { now: () => clockMs }

beforeAll(async () => {
  server = await startHttpServerMock({ keys: { [KEY]: 'Robust' }, rateLimit: 1_000_000, clock })
})
afterAll(() => server.close())

interface Raw {
  method: string
  path: string
  headers: Record<string, string>
  body?: string | Uint8Array
}

/** Sends with node:http, so headers and bytes go out exactly as given (no fetch normalisation). */
function send(raw: Raw): Promise<{ status: number; text: string }> {
  const url = new URL(server.url)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method: raw.method, path: raw.path, headers: raw.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(raw.body)
  })
}

const auth = { Authorization: `Bearer ${KEY}` }
const json = { ...auth, 'Content-Type': 'application/json' }
const POST_ROUTES = ['/api/v1/events/send', '/api/v1/contacts/create', '/api/v1/contacts/delete', '/api/v1/transactional', '/api/v1/contacts/properties']
const ALL_ROUTES = [...POST_ROUTES, '/api/v1/contacts/update', '/api/v1/contacts/find', '/api/v1/lists', '/api/v1/api-key', '/api/v1/contacts/suppression', '/api/v1/dedicated-sending-ips']
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T
const sample = <T>(arb: fc.Arbitrary<T>, n: number, seed: number): T[] => fc.sample(arb, { numRuns: n, seed })

function malformedRequests(): Raw[] {
  const out: Raw[] = []
  // bad JSON: truncations of valid bodies and arbitrary strings that do not parse
  const valid = JSON.stringify({ email: 'robust@example.com', eventName: 'x', eventProperties: { a: 1 } })
  for (let i = 1; i < valid.length; i += 1) out.push({ method: 'POST', path: pick(POST_ROUTES, i), headers: json, body: valid.slice(0, i) })
  for (const [i, s] of sample(fc.string({ maxLength: 40 }), 60, 1).entries()) out.push({ method: 'POST', path: pick(POST_ROUTES, i), headers: json, body: `{${s}` })
  // wrong types: every field of each body replaced by arbitrary JSON values
  const fields = ['email', 'userId', 'eventName', 'eventProperties', 'mailingLists', 'contactProperties', 'firstName', 'subscribed', 'transactionalId', 'dataVariables', 'addToAudience', 'attachments', 'name', 'type']
  for (const [i, value] of sample(fc.jsonValue({ maxDepth: 3 }), 200, 2).entries()) {
    const base: Record<string, unknown> = { email: `robust${i}@example.com`, eventName: 'x', transactionalId: 'cm3n2vjux00cgeyeflew9ly2w', name: `p${i}`, type: 'string' }
    base[pick(fields, i)] = value
    out.push({ method: i % 7 === 0 ? 'PUT' : 'POST', path: i % 7 === 0 ? '/api/v1/contacts/update' : pick(POST_ROUTES, i), headers: json, body: JSON.stringify(base) })
  }
  // non-object bodies
  for (const [i, value] of sample(fc.oneof(fc.array(fc.jsonValue()), fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null), fc.boolean()), 40, 3).entries())
    out.push({ method: 'POST', path: pick(POST_ROUTES, i), headers: json, body: JSON.stringify(value) })
  // __proto__, constructor and prototype keys, at the root and nested
  for (let i = 0; i < 45; i++) {
    const key = pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'], i)
    const where = i % 3
    const body =
      where === 0 ? `{"email":"p${i}@example.com","eventName":"x","${key}":{"polluted":true}}`
        : where === 1 ? `{"email":"p${i}@example.com","eventName":"x","eventProperties":{"${key}":"v"}}`
          : `{"email":"p${i}@example.com","eventName":"x","mailingLists":{"${key}":true},"contactProperties":{"${key}":1}}`
    out.push({ method: 'POST', path: pick(POST_ROUTES, i), headers: json, body })
  }
  // invalid UTF-8
  for (const [i, bytes] of sample(fc.uint8Array({ minLength: 1, maxLength: 30 }), 50, 4).entries())
    out.push({ method: 'POST', path: pick(POST_ROUTES, i), headers: json, body: new Uint8Array([...new TextEncoder().encode('{"email":"'), 0xc3, 0x28, 0xff, ...bytes, ...new TextEncoder().encode('"}')]) })
  // missing or broken headers
  const headerSets: Record<string, string>[] = [{}, { 'Content-Type': 'application/json' }, auth, { ...json, Authorization: 'Bearer ' }, { ...json, Authorization: KEY }, { ...json, Authorization: `Token ${KEY}` }, { ...auth, 'Content-Type': 'text/plain' }, { ...auth, 'Content-Type': 'multipart/form-data; boundary=x' }, { ...auth, 'Content-Type': '' }]
  for (let i = 0; i < 54; i++) out.push({ method: 'POST', path: pick(POST_ROUTES, i), headers: pick(headerSets, i), body: valid })
  // wrong methods and unknown routes
  for (let i = 0; i < 44; i++)
    out.push({ method: pick(['PATCH', 'PUT', 'DELETE', 'GET', 'POST', 'HEAD'], i), path: pick(ALL_ROUTES, i), headers: json, ...(i % 6 === 3 || i % 6 === 5 ? {} : { body: valid }) })
  for (const [i, segment] of sample(fc.webSegment(), 20, 5).entries()) out.push({ method: 'GET', path: `/api/v1/${segment}x${i}`, headers: json })
  // bodies over 1 MB: with a Content-Length, and streamed
  const big = `{"email":"big@example.com","eventName":"x","note":"${'a'.repeat(1_100_000)}"}`
  out.push({ method: 'POST', path: '/api/v1/events/send', headers: json, body: big })
  out.push({ method: 'POST', path: '/api/v1/transactional', headers: { ...json, 'Content-Length': String(big.length) }, body: big })
  return out
}

it('answers 500+ malformed requests without a 5xx or a crash, every error a {success:false,message} body', async () => {
  const requests = malformedRequests()
  expect(requests.length).toBeGreaterThanOrEqual(500)
  const results: { raw: Raw; status: number; text: string }[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < requests.length) {
        const raw = requests[next++] as Raw
        results.push({ raw, ...(await send(raw)) })
      }
    }),
  )
  for (const { raw, status, text } of results) {
    const where = `${raw.method} ${raw.path} ${typeof raw.body === 'string' ? raw.body.slice(0, 80) : '(bytes)'} → ${status} ${text.slice(0, 200)}`
    expect(status, where).toBeLessThan(500)
    if (status >= 400 && raw.method !== 'HEAD') {
      const body = JSON.parse(text) as { success?: unknown; message?: unknown }
      expect(body.success, where).toBe(false)
      expect(typeof body.message, where).toBe('string')
    }
  }
  expect(results.filter((r) => r.status === 413)).toHaveLength(2)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect((await send({ method: 'GET', path: '/api/v1/api-key', headers: auth })).status).toBe(200)
})

it('accepts exactly one of 100 concurrent events sharing an idempotency key, and stores one event', async () => {
  const body = JSON.stringify({ email: 'once@example.com', eventName: 'paid' })
  const statuses = await Promise.all(
    Array.from({ length: 100 }, () => send({ method: 'POST', path: '/api/v1/events/send', headers: { ...json, 'Idempotency-Key': 'concurrent-key' }, body }).then((r) => r.status)),
  )
  expect(statuses.filter((s) => s === 200)).toHaveLength(1)
  expect(statuses.filter((s) => s === 409)).toHaveLength(99)
  expect(server.mock.events('Robust').filter((e) => e.idempotencyKey === 'concurrent-key')).toHaveLength(1)
})

it('lets exactly the limit through when 50 requests arrive in one window', async () => {
  const limited = await startHttpServerMock({ keys: { [KEY]: 'Limited', 'second-key': 'Limited' }, rateLimit: 10, clock })
  try {
    clockMs += 1000
    const url = new URL(limited.url)
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${url.origin}/api/v1/api-key`, { headers: { Authorization: `Bearer ${i % 2 ? KEY : 'second-key'}` } }).then(async (r) => (await r.arrayBuffer(), r.status)),
      ),
    )
    expect(statuses.filter((s) => s === 200)).toHaveLength(10)
    expect(statuses.filter((s) => s === 429)).toHaveLength(40)
  } finally {
    await limited.close()
  }
})
