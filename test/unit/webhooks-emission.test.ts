import { expect, it } from 'vitest'
import { verifyLoopsWebhook } from '../../src/core/webhooks/index.ts'
import { webhookPayloadErrors } from '../contract/openapi-webhooks.ts'
import { mockWithInbox, names, NEWSLETTER, SECRET, T0, UPDATES, WELCOME } from './webhook-fixtures.ts'

it('sends exactly one signed contact.created, with custom properties, lists map and optInStatus, for contacts/create', async () => {
  const { mock, received, call } = await mockWithInbox()
  const created = await call('POST', '/api/v1/contacts/create', { email: 'ada@example.com', firstName: 'Ada', planName: 'pro' })
  expect(created.status).toBe(200)
  await mock.webhooks.idle()
  expect(names(received)).toEqual(['contact.created'])
  const [request] = received
  const verified = verifyLoopsWebhook({ body: request?.body ?? '', headers: request?.headers ?? {}, secret: SECRET, now: T0 })
  expect(verified.ok).toBe(true)
  expect(request?.payload).toEqual({
    eventName: 'contact.created',
    eventTime: T0 / 1000,
    webhookSchemaVersion: '1.0.0',
    contactIdentity: { id: (created.body as { id: string }).id, email: 'ada@example.com', userId: null },
    contact: {
      id: (created.body as { id: string }).id,
      email: 'ada@example.com',
      firstName: 'Ada',
      lastName: null,
      source: 'API',
      subscribed: true,
      userGroup: '',
      userId: null,
      planName: 'pro',
      mailingLists: {},
      optInStatus: null,
    },
  })
  expect(request?.headers['content-type']).toBe('application/json')
})

it('follows contact.created with a contact.mailingList.subscribed per list the new contact joins', async () => {
  const { mock, received, call } = await mockWithInbox()
  await call('POST', '/api/v1/contacts/create', { email: 'ada@example.com', mailingLists: { [NEWSLETTER]: true, [UPDATES]: true } })
  await mock.webhooks.idle()
  expect(names(received)).toEqual(['contact.created', 'contact.mailingList.subscribed', 'contact.mailingList.subscribed'])
  expect(received[0]?.payload.contact).toMatchObject({ mailingLists: { [NEWSLETTER]: true, [UPDATES]: true } })
  expect(received[1]?.payload.mailingList).toEqual({ id: NEWSLETTER, name: 'Newsletter', description: null, isPublic: true })
  expect(received[2]?.payload.mailingList).toEqual({ id: UPDATES, name: 'Product Updates', description: 'Release notes, monthly', isPublic: false })
})

it('sends contact.created when contacts/update or events/send creates the contact', async () => {
  const { mock, received, call } = await mockWithInbox()
  await call('PUT', '/api/v1/contacts/update', { email: 'new1@example.com', userId: 'u1' })
  await call('POST', '/api/v1/events/send', { email: 'new2@example.com', eventName: 'signup' })
  await mock.webhooks.idle()
  expect(received.map((r) => [r.eventName, r.payload.contactIdentity?.email])).toEqual([
    ['contact.created', 'new1@example.com'],
    ['contact.created', 'new2@example.com'],
  ])
  expect(received[0]?.payload.contactIdentity?.userId).toBe('u1')
})

it('sends nothing for an update that changes nothing webhooks report, and for an idempotent replay', async () => {
  const { mock, received, call } = await mockWithInbox()
  await call('POST', '/api/v1/contacts/create', { email: 'ada@example.com' })
  await call('PUT', '/api/v1/contacts/update', { email: 'ada@example.com', firstName: 'Ada' })
  const event = { email: 'ada@example.com', eventName: 'login' }
  await call('POST', '/api/v1/events/send', event, { 'Idempotency-Key': 'once' })
  await call('POST', '/api/v1/events/send', event, { 'Idempotency-Key': 'once' })
  await mock.webhooks.idle()
  expect(names(received)).toEqual(['contact.created'])
})

it('sends contact.unsubscribed when subscribed goes from true to false, and nothing when it goes back', async () => {
  const { mock, received, call } = await mockWithInbox()
  await call('POST', '/api/v1/contacts/create', { email: 'ada@example.com' })
  await call('PUT', '/api/v1/contacts/update', { email: 'ada@example.com', subscribed: false })
  await call('POST', '/api/v1/events/send', { email: 'ada@example.com', eventName: 'x', subscribed: false })
  await call('PUT', '/api/v1/contacts/update', { email: 'ada@example.com', subscribed: true })
  await mock.webhooks.idle()
  expect(names(received)).toEqual(['contact.created', 'contact.unsubscribed'])
  expect(received[1]?.payload).toMatchObject({ eventName: 'contact.unsubscribed', contactIdentity: { email: 'ada@example.com' } })
})

it('sends contact.mailingList.subscribed and .unsubscribed with the list when memberships change', async () => {
  const { mock, received, call } = await mockWithInbox()
  await call('POST', '/api/v1/contacts/create', { email: 'ada@example.com', mailingLists: { [NEWSLETTER]: true } })
  received.length = 0
  await call('PUT', '/api/v1/contacts/update', { email: 'ada@example.com', mailingLists: { [NEWSLETTER]: false, [UPDATES]: true } })
  await call('POST', '/api/v1/events/send', { email: 'ada@example.com', eventName: 'x', mailingLists: { [UPDATES]: true } })
  await mock.webhooks.idle()
  expect(received.map((r) => [r.eventName, (r.payload.mailingList as { id: string }).id])).toEqual([
    ['contact.mailingList.subscribed', UPDATES],
    ['contact.mailingList.unsubscribed', NEWSLETTER],
  ])
})

it('sends contact.unsubscribed then contact.deleted when a contact is deleted', async () => {
  const { mock, received, call } = await mockWithInbox()
  const created = await call('POST', '/api/v1/contacts/create', { email: 'ada@example.com', userId: 'u9' })
  received.length = 0
  await call('POST', '/api/v1/contacts/delete', { userId: 'u9' })
  await mock.webhooks.idle()
  const identity = { id: (created.body as { id: string }).id, email: 'ada@example.com', userId: 'u9' }
  expect(received.map((r) => r.payload)).toEqual([
    { eventName: 'contact.unsubscribed', eventTime: T0 / 1000, webhookSchemaVersion: '1.0.0', contactIdentity: identity },
    { eventName: 'contact.deleted', eventTime: T0 / 1000, webhookSchemaVersion: '1.0.0', contactIdentity: identity },
  ])
})

it('sends contact.created, transactional.email.sent, then email.delivered for a transactional send with addToAudience', async () => {
  const { mock, received, call } = await mockWithInbox()
  const sent = await call('POST', '/api/v1/transactional', { transactionalId: WELCOME, email: 'ada@example.com', addToAudience: true, dataVariables: { firstName: 'Ada' } })
  expect(sent.status).toBe(200)
  await mock.webhooks.idle()
  expect(names(received)).toEqual(['contact.created', 'transactional.email.sent', 'email.delivered'])
  const [, sentEvent, delivered] = received
  expect(sentEvent?.payload).toMatchObject({ transactionalId: WELCOME, transactionalName: 'Welcome', email: { emailMessageId: WELCOME, subject: 'Welcome' } })
  expect(delivered?.payload).toMatchObject({ sourceType: 'transactional', transactionalId: WELCOME, email: sentEvent?.payload.email })
  expect(delivered?.payload.contactIdentity).toEqual(received[0]?.payload.contactIdentity)
})

it('sends transactional.email.sent and email.delivered without contact.created when no contact is added', async () => {
  const { mock, received, call } = await mockWithInbox()
  await call('POST', '/api/v1/transactional', { transactionalId: WELCOME, email: 'guest@example.com', dataVariables: { firstName: 'G' } })
  await mock.webhooks.idle()
  expect(names(received)).toEqual(['transactional.email.sent', 'email.delivered'])
  expect(received[0]?.payload.contactIdentity).toEqual({ id: '', email: 'guest@example.com', userId: null })
})

it('sends testing.testEvent on request, whatever the toggles say', async () => {
  const { mock, received } = await mockWithInbox({ webhooks: { events: ['contact.created'] } })
  mock.webhooks.sendTestEvent()
  await mock.webhooks.idle()
  expect(received.map((r) => r.payload)).toEqual([{ eventName: 'testing.testEvent', eventTime: T0 / 1000, webhookSchemaVersion: '1.0.0', message: 'test' }])
})

it('sends only the events toggled on', async () => {
  const { mock, received, call } = await mockWithInbox()
  mock.webhooks.configure({ events: { 'contact.created': false } })
  await call('POST', '/api/v1/contacts/create', { email: 'ada@example.com', mailingLists: { [NEWSLETTER]: true } })
  await mock.webhooks.idle()
  expect(names(received)).toEqual(['contact.mailingList.subscribed'])
})

it('does not send webhooks for seed contacts', async () => {
  const { mock, received } = await mockWithInbox({ seed: { contacts: [{ email: 'seeded@example.com', mailingLists: { [NEWSLETTER]: true } }] } })
  await mock.reset()
  await mock.webhooks.idle()
  expect(received).toEqual([])
})

it('emits payloads that validate against the webhooks block of Loops\' OpenAPI document', async () => {
  const { mock, received, call } = await mockWithInbox()
  await call('POST', '/api/v1/contacts/create', { email: 'ada@example.com', planName: 'pro', signupDate: '2026-01-01', mailingLists: { [NEWSLETTER]: true } })
  await call('PUT', '/api/v1/contacts/update', { email: 'ada@example.com', subscribed: false, mailingLists: { [NEWSLETTER]: false } })
  await call('POST', '/api/v1/transactional', { transactionalId: WELCOME, email: 'bob@example.com', addToAudience: true, dataVariables: { firstName: 'B' } })
  await call('POST', '/api/v1/contacts/delete', { email: 'ada@example.com' })
  mock.webhooks.sendTestEvent()
  await mock.webhooks.idle()
  expect(new Set(names(received))).toEqual(
    new Set(['contact.created', 'contact.mailingList.subscribed', 'contact.unsubscribed', 'contact.mailingList.unsubscribed', 'transactional.email.sent', 'email.delivered', 'contact.deleted', 'testing.testEvent']),
  )
  for (const request of received) expect([request.eventName, webhookPayloadErrors(JSON.parse(request.body))]).toEqual([request.eventName, []])
})
