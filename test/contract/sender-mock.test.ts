import { getResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createMock } from '../../mock-server/index.ts'
import { createSender, defaultPreset, mapCalls, readInput, type MapResult, type SenderEvent } from '../../src/core/index.ts'
import { createFakeClock } from '../unit/sender-fake-clock.ts'

const KEY = 'd2d561f5ff80136f69b4b5a31b9fb3c9'
const BASE = 'http://loops.mock'

/** A seeded PRNG (mulberry32), so a chaos run is the same run every time. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `people` visitors, each an identify (skipped by the Default preset) and `perPerson` tracks, mapped. */
function mappedSession(people: number, perPerson: number): MapResult[] {
  const lines: string[] = []
  for (let p = 0; p < people; p++) {
    lines.push(`datafly.identify('user_${p}', { email: 'user${p}@example.com', first_name: 'P${p}' })`)
    for (let e = 0; e < perPerson; e++) lines.push(`datafly.track('Order Completed', { orderId: 'o${p}-${e}', total: ${e + 1} })`)
  }
  const read = readInput(lines.join('\n'), 'script')
  if (!read.ok) throw new Error(read.message)
  return mapCalls(read.calls, defaultPreset)
}

/**
 * The mock, in process: the sender's fetch goes straight to its msw handlers (msw's getResponse), and the mock
 * reads the sender's fake clock, so their rate-limit windows line up. The tests pass `timeout: 0`: on a fake clock
 * an attempt timeout would fire whenever the program is idle, including while the mock is still answering.
 */
async function setup(options: { rateLimit?: number; random?: () => number } = {}) {
  const clock = createFakeClock(Date.UTC(2026, 10, 23, 12, 0, 0))
  const mock = createMock({
    keys: { [KEY]: 'Acme' },
    clock: { now: () => clock.now() },
    requestLogLimit: 100_000,
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
    ...(options.random ? { random: options.random } : {}),
  })
  await mock.ready
  const fetch = async (request: Request): Promise<Response> =>
    (await getResponse(mock.handlers, request)) ?? new Response('no handler', { status: 404 })
  return { clock, mock, fetch }
}

const keyOf = (result: MapResult): string | undefined => result.request?.headers['Idempotency-Key']

describe('sender against the mock', () => {
  it('delivers every event exactly once when the mock fails 30% of requests with 429, 500 and dropped connections', async () => {
    const { clock, mock, fetch } = await setup({ random: seeded(20261123) })
    mock.addFault({ path: '/api/v1/events/send', status: 429, probability: 0.1 })
    mock.addFault({ path: '/api/v1/events/send', status: 500, probability: 0.1 / 0.9 })
    mock.addFault({ path: '/api/v1/events/send', drop: true, probability: 0.1 / 0.8 })
    const results = mappedSession(40, 4)
    const events: SenderEvent[] = []
    const sender = createSender({ fetch, baseUrl: BASE, apiKey: KEY, clock, random: seeded(7), retry: { maxAttempts: 10 }, timeout: 0, onEvent: (e) => events.push(e) })

    const report = await sender.send(results)

    const sentKeys = results.filter((r) => r.status === 'ready').map(keyOf)
    const storedKeys = mock.events('Acme').map((e) => e.idempotencyKey)
    expect(storedKeys.toSorted()).toEqual(sentKeys.toSorted())
    expect(new Set(storedKeys).size).toBe(storedKeys.length)
    expect(report.summary).toMatchObject({ total: 200, delivered: 160, duplicates: 0, skipped: 40, failed: 0 })
    expect(events.filter((e) => e.type === 'outcome').map((e) => e.index).toSorted((a, b) => a - b)).toEqual(results.map((_, i) => i))
    // the chaos happened: about 30% of the attempts failed, each retried under its event's own key
    const log = mock.requests().filter((r) => r.path === '/api/v1/events/send')
    const failedShare = log.filter((r) => r.status !== 200).length / log.length
    expect(failedShare).toBeGreaterThan(0.2)
    expect(failedShare).toBeLessThan(0.4)
    expect(report.summary.rateLimited).toBe(log.filter((r) => r.status === 429).length)
    expect(report.summary.retries).toBe(log.length - 160)
    const attemptKeys = events.flatMap((e) => (e.type === 'attempt' ? [[e.index, e.idempotencyKey] as const] : []))
    expect(attemptKeys.every(([index, key]) => key === keyOf(results[index] as MapResult))).toBe(true)
  })

  it('sends at the mock’s rate limit without a single 429', async () => {
    const { clock, mock, fetch } = await setup({ rateLimit: 10 })
    const results = mappedSession(50, 3)
    const start = clock.now()
    const report = await createSender({ fetch, baseUrl: BASE, apiKey: KEY, clock, rate: 10, timeout: 0 }).send(results)
    expect(report.summary).toMatchObject({ delivered: 150, rateLimited: 0, retries: 0 })
    expect(mock.requests().filter((r) => r.status === 429)).toHaveLength(0)
    // 150 requests at 10/s less the 3% margin: a little over 15 s of virtual time
    expect((clock.now() - start) / 1000).toBeGreaterThan(149 / 10)
    expect((clock.now() - start) / 1000).toBeLessThan(149 / 9.5)
  })

  it('slows down to the mock’s x-ratelimit-limit when asked to send faster, without a 429', async () => {
    const { clock, mock, fetch } = await setup({ rateLimit: 5 })
    const report = await createSender({ fetch, baseUrl: BASE, apiKey: KEY, clock, rate: 8, timeout: 0, concurrency: 1 }).send(mappedSession(10, 2))
    expect(report.summary).toMatchObject({ delivered: 20, rateLimited: 0 })
    expect(mock.events('Acme')).toHaveLength(20)
  })

  it('shares a team’s limit with another client: recovers from 429s without losing or doubling an event', async () => {
    const { clock, mock, fetch } = await setup({ rateLimit: 10 })
    const other = mock.addKey('Acme')
    const results = mappedSession(30, 2)
    const send = (apiKey: string, part: MapResult[], seed: number) =>
      createSender({ fetch, baseUrl: BASE, apiKey, clock, rate: 10, timeout: 0, random: seeded(seed) }).send(part)
    const [a, b] = await Promise.all([send(KEY, results.slice(0, 45), 1), send(other, results.slice(45), 2)])
    expect(a.summary.delivered + b.summary.delivered).toBe(60)
    expect(a.summary.rateLimited + b.summary.rateLimited).toBeGreaterThan(0)
    expect(a.summary.failed + b.summary.failed).toBe(0)
    const stored = mock.events('Acme').map((e) => e.idempotencyKey)
    expect(stored.toSorted()).toEqual(results.filter((r) => r.status === 'ready').map(keyOf).toSorted())
  })

  it('stops at the first 401 from a revoked key and records the rest as not sent', async () => {
    const { clock, mock, fetch } = await setup()
    mock.revokeKey(KEY)
    const events: SenderEvent[] = []
    const report = await createSender({ fetch, baseUrl: BASE, apiKey: KEY, clock, concurrency: 1, timeout: 0, onEvent: (e) => events.push(e) }).send(mappedSession(5, 2))
    expect(mock.requests()).toHaveLength(1)
    expect(events.filter((e) => e.type === 'key-rejected')).toHaveLength(1)
    expect(report.summary).toMatchObject({ delivered: 0, skipped: 5, failed: 10 })
    expect(report.outcomes.filter((o) => o.status === 'failed' && o.code === 'not-sent')).toHaveLength(9)
  })

  it('counts every event of a second run as a duplicate, not a failure', async () => {
    const { clock, mock, fetch } = await setup()
    const results = mappedSession(4, 2)
    const sender = createSender({ fetch, baseUrl: BASE, apiKey: KEY, clock, timeout: 0 })
    await sender.send(results)
    const again = await sender.send(results)
    expect(again.summary).toMatchObject({ delivered: 0, duplicates: 8, failed: 0, retries: 0 })
    expect(mock.events('Acme')).toHaveLength(8)
  })

  it('fails a 400 at once with the mock’s message and goes on with the other events', async () => {
    const { clock, mock, fetch } = await setup()
    const results = mappedSession(2, 1)
    const broken = structuredClone(results[1] as MapResult)
    if (broken.request) Object.assign(broken.request.body, { eventName: '' })
    const report = await createSender({ fetch, baseUrl: BASE, apiKey: KEY, clock, timeout: 0 }).send([broken, results[3] as MapResult])
    expect(report.outcomes[0]).toMatchObject({ status: 'failed', code: 'rejected', attempts: 1, httpStatus: 400 })
    expect(report.outcomes[1]).toMatchObject({ status: 'delivered' })
    expect(mock.requests()).toHaveLength(2)
  })
})
