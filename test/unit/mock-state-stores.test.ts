import { expect, it } from 'vitest'
import type { ContactRecord } from '../../mock-server/db.ts'
import { createContactStore } from '../../mock-server/state/contact-store.ts'
import { createRequestLog, LOG_TEXT_MAX, type LogRecord } from '../../mock-server/state/request-log.ts'

const contact = (id: string, email: string, userId: string | null = null, team = 'Acme'): ContactRecord => ({
  id,
  team,
  email,
  firstName: null,
  lastName: null,
  source: 'API',
  subscribed: true,
  userGroup: '',
  userId,
  custom: {},
  mailingLists: [],
  optInStatus: null,
  suppressed: false,
  removalsUsed: 0,
  createdAt: 0,
  updatedAt: 0,
})

it('finds contacts by email (any case) and by userId within their team only', () => {
  const store = createContactStore()
  store.create(contact('c1', 'Sam@Example.com', 'u1'))
  store.create(contact('c2', 'sam@example.com', 'u1', 'Globex'))
  expect(store.byEmail('Acme', 'sam@EXAMPLE.com')?.id).toBe('c1')
  expect(store.byUserId('Acme', 'u1')?.id).toBe('c1')
  expect(store.byUserId('Globex', 'u1')?.id).toBe('c2')
  expect(store.byEmail('Other', 'sam@example.com')).toBeUndefined()
})

it('moves the indexes when an update changes the email or userId, and leaves the old record as it was', () => {
  const store = createContactStore()
  const before = store.create(contact('c1', 'old@example.com', 'u-old'))
  const after = store.update('c1', (r) => {
    r.email = 'new@example.com'
    r.userId = 'u-new'
    r.custom.plan = 'pro'
  })
  expect(store.byEmail('Acme', 'old@example.com')).toBeUndefined()
  expect(store.byUserId('Acme', 'u-old')).toBeUndefined()
  expect(store.byEmail('Acme', 'new@example.com')).toBe(after)
  expect(store.byUserId('Acme', 'u-new')).toBe(after)
  expect(before.email).toBe('old@example.com')
  expect(before.custom).toEqual({})
})

it('forgets a deleted contact in every index and pages in creation order', () => {
  const store = createContactStore()
  for (const n of [1, 2, 3, 4]) store.create(contact(`c${n}`, `c${n}@example.com`, `u${n}`))
  store.delete('c2')
  expect(store.byEmail('Acme', 'c2@example.com')).toBeUndefined()
  expect(store.byUserId('Acme', 'u2')).toBeUndefined()
  expect(store.count('Acme')).toBe(3)
  expect(store.page('Acme', 1, 5).map((c) => c.id)).toEqual(['c3', 'c4'])
})

it('tells listeners about every create, update and delete', () => {
  const store = createContactStore()
  const seen: string[] = []
  store.onChange((change) => seen.push(`${change.kind} ${change.record.id}`))
  store.create(contact('c1', 'a@example.com'))
  store.update('c1', (r) => void (r.firstName = 'A'))
  store.delete('c1')
  expect(seen).toEqual(['create c1', 'update c1', 'delete c1'])
})

const record = (text: string): LogRecord => ({
  at: 0,
  method: 'POST',
  path: '/api/v1/events/send',
  status: 200,
  requestText: text.slice(0, LOG_TEXT_MAX),
  requestLength: text.length,
  responseText: '{"success":true}',
  responseLength: 16,
})

it('keeps the request log within its byte budget however large the bodies, and reset frees it', () => {
  const log = createRequestLog(1000, 1024 * 1024)
  const big = 'x'.repeat(1_000_000)
  for (let i = 0; i < 1000; i++) log.add(record(big))
  expect(log.bytes).toBeLessThanOrEqual(1024 * 1024)
  expect(log.size).toBeGreaterThan(0)
  expect(log.page(0, 1)[0]?.requestBody).toMatch(/… \(1000000 characters\)$/)
  log.clear()
  expect(log.size).toBe(0)
  expect(log.bytes).toBe(0)
})

it('drops the oldest entries first when the entry count is reached', () => {
  const log = createRequestLog(3, 1024 * 1024)
  for (const n of [1, 2, 3, 4, 5]) log.add(record(`{"n":${n}}`))
  expect(log.page(0, 10).map((e) => e.requestBody)).toEqual([{ n: 3 }, { n: 4 }, { n: 5 }])
})
