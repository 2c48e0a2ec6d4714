import { afterAll, beforeAll, expect, it } from 'vitest'
import { startHttpServerMock as startMockServer, type HttpServerMock as MockServer } from '../../mock-server/hosts/http-server.ts'
import { frozenClock } from './frozen-clock.ts'

// Core-API corrections found since the last release, on the standalone server (the node:http host included):
// the "Multiple contacts found" 400 (polarsource/polar#11675), transactional bodies up to 4 MB (Loops' attachments
// docs: "The total size of the payload must be less than 4MB"), attachments only for teams that have them.
const KEY = 'corrections-key'
const NO_ATTACHMENTS = 'corrections-plain-key'
const WELCOME = 'cm3n2vjux00cgeyeflew9ly2w'
let server: MockServer

beforeAll(async () => {
  server = await startMockServer({
    keys: { [KEY]: 'Attachments Team', [NO_ATTACHMENTS]: 'Plain Team' },
    teams: { 'Attachments Team': { attachments: true } },
    clock: frozenClock(),
    rateLimit: 1000,
  })
})
afterAll(() => server.close())

const post = async (path: string, body: unknown, key = KEY) => {
  const res = await fetch(`${server.url}/api/v1/${path}`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}
const attachment = (bytes: number) => ({ filename: 'big.pdf', contentType: 'application/pdf', data: 'A'.repeat(bytes) })

it('answers 400 "Multiple contacts found for the given criteria" when an event names the email of one contact and the userId of another', async () => {
  await post('contacts/create', { email: 'multi-a@example.com', userId: 'multi-a' })
  await post('contacts/create', { email: 'multi-b@example.com', userId: 'multi-b' })
  const res = await post('events/send', { email: 'multi-b@example.com', userId: 'multi-a', eventName: 'signup' })
  expect(res).toEqual({ status: 400, json: { success: false, message: 'Multiple contacts found for the given criteria' } })
})

it('accepts a 3 MB transactional body with an attachment, and answers 413 above 4 MB', async () => {
  const ok = await post('transactional', { transactionalId: WELCOME, email: 'big@example.com', dataVariables: { firstName: 'A' }, attachments: [attachment(3 * 1024 * 1024)] })
  expect(ok).toEqual({ status: 200, json: { success: true } })
  const tooBig = await post('transactional', { transactionalId: WELCOME, email: 'big@example.com', dataVariables: { firstName: 'A' }, attachments: [attachment(4 * 1024 * 1024)] })
  expect(tooBig.status).toBe(413)
  expect(tooBig.json.message).toMatch(/4 MB/)
})

it('keeps the 1 MB limit on the other core endpoints', async () => {
  const res = await post('events/send', { email: 'big@example.com', eventName: 'big', eventProperties: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`p${i}`, 'x'.repeat(400)])) })
  expect(res.status).toBe(413)
  expect(res.json.message).toMatch(/1 MB/)
})

it('answers 400 to attachments from a team that does not have them enabled, and accepts an empty list', async () => {
  const res = await post('transactional', { transactionalId: WELCOME, email: 'plain@example.com', dataVariables: { firstName: 'A' }, attachments: [attachment(10)] }, NO_ATTACHMENTS)
  expect(res.status).toBe(400)
  expect(res.json.message).toMatch(/[Aa]ttachments are not enabled/)
  expect((await post('transactional', { transactionalId: WELCOME, email: 'plain@example.com', dataVariables: { firstName: 'A' }, attachments: [] }, NO_ATTACHMENTS)).status).toBe(200)
})

it('answers 401 on the content API for a team without it, and keeps its core API and workflows working', async () => {
  const off = await startMockServer({ keys: { 'off-key': 'Core Only' }, teams: { 'Core Only': { contentApi: false } }, clock: frozenClock() })
  try {
    const get = (path: string) => fetch(`${off.url}/api/v1/${path}`, { headers: { Authorization: 'Bearer off-key' } })
    const campaigns = await get('campaigns')
    expect(campaigns.status).toBe(401)
    expect(await campaigns.json()).toMatchObject({ success: false, message: expect.stringMatching(/content API not enabled for this team/) })
    expect((await get('transactional-emails')).status).toBe(401)
    expect((await get('api-key')).status).toBe(200)
    expect((await get('transactional')).status).toBe(200)
    expect((await get('workflows')).status).toBe(200) // documented with "Invalid API key" only
  } finally {
    await off.close()
  }
})
