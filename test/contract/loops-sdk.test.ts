import { APIError, LoopsClient, RateLimitExceededError } from 'loops'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { startHttpServerMock, type HttpServerMock } from '../../mock-server/hosts/http-server.ts'
import { frozenClock } from './frozen-clock.ts'

// The official `loops` SDK (7.3.0) against the standalone mock on a real port, with its apiRoot pointed there.
const KEY = 'sdk-test-key'
const WELCOME = 'cm3n2vjux00cgeyeflew9ly2w'
let server: HttpServerMock
let loops: LoopsClient

beforeAll(async () => {
  server = await startHttpServerMock({ keys: { [KEY]: 'SDK Team' }, rateLimit: 10, clock: frozenClock(), seed: { contacts: [{ email: 'sdk-suppressed@example.com', suppressed: true }] } })
  loops = new LoopsClient(KEY)
  loops.apiRoot = `${server.url}/api/`
})
afterAll(() => server.close())
// each case starts in a fresh rate-limit window
beforeEach(() => server.mock.advance(1000))

const rejection = async (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (error: unknown) => error)

it('tests the API key and gets the team name', async () => {
  expect(await loops.testApiKey()).toEqual({ success: true, teamName: 'SDK Team' })
})

it('creates, updates, finds and deletes a contact', async () => {
  const { id } = await loops.createContact({ email: 'sdk-ada@example.com', properties: { firstName: 'Ada', planName: 'pro' } })
  expect(await loops.updateContact({ email: 'sdk-ada@example.com', properties: { lastName: 'Lovelace', userId: 'sdk-ada' } })).toEqual({ success: true, id })
  const [contact] = await loops.findContact({ userId: 'sdk-ada' })
  expect(contact).toMatchObject({ id, email: 'sdk-ada@example.com', firstName: 'Ada', lastName: 'Lovelace', planName: 'pro', userId: 'sdk-ada' })
  expect(await loops.deleteContact({ email: 'sdk-ada@example.com' })).toEqual({ success: true, message: 'Contact deleted' })
  expect(await loops.findContact({ email: 'sdk-ada@example.com' })).toEqual([])
})

it('sends an event with contact and event properties, which updates the contact and its timeline', async () => {
  const res = await loops.sendEvent({
    email: 'sdk-sam@example.com',
    eventName: 'order_completed',
    contactProperties: { firstName: 'Sam' },
    eventProperties: { orderId: 'ORD-1042', revenue: 89.97 },
    headers: { 'Idempotency-Key': 'sdk-order-1042' },
  })
  expect(res).toEqual({ success: true })
  const [contact] = await loops.findContact({ email: 'sdk-sam@example.com' })
  expect(contact).toMatchObject({ firstName: 'Sam' })
  const [stored] = server.mock.contacts('SDK Team').filter((c) => c.contact.email === 'sdk-sam@example.com')
  expect(stored?.timeline).toMatchObject([{ eventName: 'order_completed', eventProperties: { orderId: 'ORD-1042', revenue: 89.97 }, idempotencyKey: 'sdk-order-1042' }])
})

it('sends a transactional email and lists transactional emails, mailing lists, properties and IPs', async () => {
  expect(await loops.sendTransactionalEmail({ transactionalId: WELCOME, email: 'sdk-tx@example.com', dataVariables: { firstName: 'Tx' } })).toEqual({ success: true })
  expect((await loops.listTransactionalEmails()).data.map((t) => t.id)).toContain(WELCOME)
  expect((await loops.listMailingLists()).map((l) => l.name)).toEqual(['Newsletter', 'Product Updates'])
  expect(await loops.createContactProperty('favoriteColor', 'string')).toEqual({ success: true })
  expect(await loops.listContactProperties('custom')).toContainEqual({ key: 'favoriteColor', label: 'Favorite Color', type: 'string' })
  expect((await loops.listContactProperties()).map((p) => p.key)).toContain('email')
  expect(await loops.listDedicatedSendingIps()).toHaveLength(5)
})

it('throws RateLimitExceededError with the limit when the team goes over 10 requests in a second', async () => {
  for (let i = 0; i < 10; i++) await loops.testApiKey()
  const error = await rejection(loops.testApiKey())
  expect(error).toBeInstanceOf(RateLimitExceededError)
  expect(error).toMatchObject({ limit: 10, remaining: 0 })
})

it('throws APIError with the status for 400, 401, 404 and 409', async () => {
  const wrongKey = new LoopsClient('wrong-key')
  wrongKey.apiRoot = loops.apiRoot
  const cases: [() => Promise<unknown>, number][] = [
    [() => loops.sendEvent({ email: 'sdk-bad@example.com', eventName: 'bad:name' }), 400],
    [() => wrongKey.testApiKey(), 401],
    [() => loops.deleteContact({ email: 'sdk-nobody@example.com' }), 404],
    [() => loops.sendTransactionalEmail({ transactionalId: 'cm0000000000000000000none', email: 'sdk-x@example.com' }), 404],
  ]
  for (const [send, status] of cases) {
    const error = await rejection(send())
    expect(error).toBeInstanceOf(APIError)
    expect(error).toMatchObject({ statusCode: status, json: { success: false, message: expect.any(String) } })
  }
  await loops.createContact({ email: 'sdk-dup@example.com' })
  expect(await rejection(loops.createContact({ email: 'sdk-dup@example.com' }))).toMatchObject({ name: 'APIError', statusCode: 409 })
  await loops.sendEvent({ email: 'sdk-dup@example.com', eventName: 'once', headers: { 'Idempotency-Key': 'sdk-once' } })
  expect(await rejection(loops.sendEvent({ email: 'sdk-dup@example.com', eventName: 'once', headers: { 'Idempotency-Key': 'sdk-once' } }))).toMatchObject({ name: 'APIError', statusCode: 409 })
})

it('checks a suppressed contact and removes it from the suppression list once', async () => {
  expect(await loops.checkContactSuppression({ email: 'sdk-suppressed@example.com' })).toMatchObject({ isSuppressed: true, removalQuota: { limit: 100, remaining: 100 } })
  expect(await loops.removeContactSuppression({ email: 'sdk-suppressed@example.com' })).toEqual({ success: true, message: 'Email removed from suppression list.', removalQuota: { limit: 100, remaining: 99 } })
  expect(await rejection(loops.removeContactSuppression({ email: 'sdk-suppressed@example.com' }))).toMatchObject({ statusCode: 400, json: { message: 'This contact is not suppressed.' } })
  expect(await rejection(loops.checkContactSuppression({ email: 'sdk-nobody@example.com' }))).toMatchObject({ statusCode: 404 })
})
