import { afterEach, expect, it } from 'vitest'
import { createMock } from '../../mock-server/create-mock.ts'
import { DEFAULT_RETRY_SCHEDULE_MS } from '../../mock-server/webhooks/create-webhooks.ts'
import type { Mock, MockOptions } from '../../mock-server/types.ts'
import { verifyLoopsWebhook } from '../../src/core/webhooks/index.ts'
import { caller, KEY, SECRET, T0 } from '../unit/webhook-fixtures.ts'
import { closedPortUrl, startReceiver } from './webhook-receiver.ts'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args)
  cleanups.push(r.close)
  return r
}

async function mockTo(url: string, webhooks: MockOptions['webhooks'] = {}): Promise<Mock> {
  const mock = createMock({ keys: { [KEY]: 'Acme' }, clock: { now: () => T0 }, webhooks: { url, secret: SECRET, ...webhooks } })
  await mock.ready
  cleanups.push(async () => void mock.webhooks.reset())
  return mock
}

it('delivers over HTTP with the Standard Webhooks headers, verifiable with the endpoint secret', async () => {
  const r = await receiver()
  const mock = await mockTo(r.url)
  await caller(mock)('POST', '/api/v1/contacts/create', { email: 'ada@example.com' })
  await mock.webhooks.idle()
  expect(r.received).toHaveLength(1)
  const [got] = r.received
  expect(got?.path).toBe('/hooks/loops')
  expect(got?.headers['content-type']).toBe('application/json')
  expect(got?.headers['webhook-id']).toMatch(/^msg_/)
  expect(verifyLoopsWebhook({ body: got?.body ?? '', headers: got?.headers ?? {}, secret: SECRET, now: T0 })).toMatchObject({ ok: true, payload: { eventName: 'contact.created' } })
  const [delivery] = mock.webhooks.deliveries()
  expect(delivery).toMatchObject({ state: 'delivered', target: r.url, eventName: 'contact.created' })
  expect(delivery?.attempts).toEqual([expect.objectContaining({ at: new Date(T0).toISOString(), status: 200, response: '{"ok":true}' })])
})

it('retries a 500 on the virtual clock with the same webhook-id until a 2xx', async () => {
  const r = await receiver([500, 503, 200])
  const mock = await mockTo(r.url)
  mock.webhooks.sendTestEvent()
  await mock.webhooks.idle()
  expect(r.received).toHaveLength(1)
  const [first] = mock.webhooks.deliveries()
  expect(first).toMatchObject({ state: 'pending', nextAttemptAt: new Date(T0 + 5_000).toISOString() })
  mock.advance(4_999)
  await mock.webhooks.idle()
  expect(r.received).toHaveLength(1)
  mock.advance(1)
  await mock.webhooks.idle()
  expect(r.received).toHaveLength(2)
  mock.advance(300_000)
  await mock.webhooks.idle()
  expect(r.received.map((x) => x.headers['webhook-id'])).toEqual(Array(3).fill(first?.id))
  for (const x of r.received) expect(verifyLoopsWebhook({ body: x.body, headers: x.headers, secret: SECRET, now: T0 }).ok).toBe(true)
  const [done] = mock.webhooks.deliveries()
  expect(done?.state).toBe('delivered')
  expect(done?.attempts.map((a) => [a.status, a.at])).toEqual([
    [500, new Date(T0).toISOString()],
    [503, new Date(T0 + 5_000).toISOString()],
    [200, new Date(T0 + 305_000).toISOString()],
  ])
  expect(done?.attempts[0]?.error).toMatch(/answered 500; any 2xx acknowledges/)
})

it('retries a refused connection through the whole schedule, then marks the delivery failed and keeps it', async () => {
  const mock = await mockTo(await closedPortUrl())
  const call = caller(mock)
  await call('POST', '/api/v1/contacts/create', { email: 'ada@example.com' })
  await mock.webhooks.idle()
  expect(mock.webhooks.deliveries()[0]?.attempts[0]?.error).toMatch(/connection refused \(ECONNREFUSED\)/)
  for (const wait of DEFAULT_RETRY_SCHEDULE_MS) {
    expect((await call('GET', '/api/v1/contacts/find?email=ada@example.com')).status).toBe(200)
    mock.advance(wait)
    await mock.webhooks.idle()
  }
  const [delivery] = mock.webhooks.deliveries()
  expect(delivery?.state).toBe('failed')
  expect(delivery?.attempts).toHaveLength(DEFAULT_RETRY_SCHEDULE_MS.length + 1)
  expect(new Set(delivery?.attempts.map((a) => a.headers['webhook-id']))).toEqual(new Set([delivery?.id]))
  expect(mock.webhooks.deliveries({ state: 'failed' })).toHaveLength(1)
})

it('times out a receiver that hangs after 10 s on the virtual clock, and keeps answering API requests meanwhile', async () => {
  const r = await receiver(['hang', 200])
  const mock = await mockTo(r.url)
  const call = caller(mock)
  await call('POST', '/api/v1/contacts/create', { email: 'ada@example.com' })
  await expect.poll(() => r.received.length).toBe(1)
  expect((await call('GET', '/api/v1/contacts/find?email=ada@example.com')).body).toHaveLength(1)
  expect(mock.webhooks.deliveries()[0]?.attempts).toEqual([])
  mock.advance(10_000)
  await mock.webhooks.idle()
  const [delivery] = mock.webhooks.deliveries()
  expect(delivery?.attempts[0]).toMatchObject({ status: null, error: 'no answer within 10 s: timed out' })
  expect(delivery).toMatchObject({ state: 'pending', nextAttemptAt: new Date(T0 + 15_000).toISOString() })
  mock.advance(5_000)
  await mock.webhooks.idle()
  expect(mock.webhooks.deliveries()[0]?.state).toBe('delivered')
})

it('sends one request\'s events in the order emitted', async () => {
  const r = await receiver()
  const mock = await mockTo(r.url)
  const call = caller(mock)
  await call('POST', '/api/v1/transactional', { transactionalId: 'cm3n2vjux00cgeyeflew9ly2w', email: 'ada@example.com', addToAudience: true, dataVariables: { firstName: 'A' } })
  await call('POST', '/api/v1/contacts/delete', { email: 'ada@example.com' })
  await mock.webhooks.idle()
  expect(r.received.map((x) => (JSON.parse(x.body) as { eventName: string }).eventName)).toEqual([
    'contact.created',
    'transactional.email.sent',
    'email.delivered',
    'contact.unsubscribed',
    'contact.deleted',
  ])
})

it('starts at most 10 deliveries per second per endpoint and queues the rest in order', async () => {
  const r = await receiver()
  const mock = await mockTo(r.url)
  const ids = Array.from({ length: 25 }, () => mock.webhooks.sendTestEvent().id)
  await mock.webhooks.idle()
  expect(r.received).toHaveLength(10)
  mock.advance(999)
  await mock.webhooks.idle()
  expect(r.received).toHaveLength(10)
  mock.advance(1)
  await mock.webhooks.idle()
  expect(r.received).toHaveLength(20)
  mock.advance(1_000)
  await mock.webhooks.idle()
  expect(r.received.map((x) => x.headers['webhook-id'])).toEqual(ids)
})

it('lifts the cap with rateLimit: Infinity', async () => {
  const r = await receiver()
  const mock = await mockTo(r.url, { rateLimit: Infinity })
  for (let i = 0; i < 30; i++) mock.webhooks.sendTestEvent()
  await mock.webhooks.idle()
  expect(r.received).toHaveLength(30)
})

it('disables the endpoint on a 410: that delivery and the queued ones fail, later events are not queued', async () => {
  const r = await receiver([410])
  const mock = await mockTo(r.url, { rateLimit: 1 })
  mock.webhooks.sendTestEvent()
  mock.webhooks.sendTestEvent()
  await mock.webhooks.idle()
  expect(r.received).toHaveLength(1)
  expect(mock.webhooks.endpoint()).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/410 Gone/) })
  expect(mock.webhooks.deliveries().map((d) => d.state)).toEqual(['failed', 'failed'])
  expect(mock.webhooks.deliveries()[1]?.attempts[0]?.error).toMatch(/endpoint was disabled/)
  await caller(mock)('POST', '/api/v1/contacts/create', { email: 'ada@example.com' })
  expect(mock.webhooks.deliveries()).toHaveLength(2)
  mock.advance(3_600_000)
  await mock.webhooks.idle()
  expect(r.received).toHaveLength(1)
})

it('keeps only the first 2 kB of a response', async () => {
  const r = await receiver([200], 'x'.repeat(10_000))
  const mock = await mockTo(r.url)
  mock.webhooks.sendTestEvent()
  await mock.webhooks.idle()
  expect(mock.webhooks.deliveries()[0]?.attempts[0]?.response).toBe('x'.repeat(2048))
})

it('redelivers a settled delivery once with the same webhook-id', async () => {
  const r = await receiver([500, 200])
  const mock = await mockTo(r.url, { retrySchedule: [] })
  const { id } = mock.webhooks.sendTestEvent()
  await mock.webhooks.idle()
  expect(mock.webhooks.delivery(id)?.state).toBe('failed')
  expect(() => mock.webhooks.redeliver('msg_nope')).toThrow(/No delivery "msg_nope"/)
  mock.webhooks.redeliver(id)
  await mock.webhooks.idle()
  expect(mock.webhooks.delivery(id)).toMatchObject({ state: 'delivered', attempts: [expect.objectContaining({ status: 500 }), expect.objectContaining({ status: 200 })] })
  expect(r.received.map((x) => x.headers['webhook-id'])).toEqual([id, id])
})
