import { expect, it } from 'vitest'
import { sampleWebhookPayload, testEventPayload, WEBHOOK_EVENT_NAMES } from '../../src/core/webhooks/index.ts'
import { documentedWebhookKeys, webhookExample, webhookKey, webhookPayloadErrors } from '../contract/openapi-webhooks.ts'

it('knows exactly the events the OpenAPI document defines', () => {
  expect(WEBHOOK_EVENT_NAMES.map(webhookKey).toSorted()).toEqual(documentedWebhookKeys().toSorted())
})

it('accepts every example of the OpenAPI document (the check itself is sound)', () => {
  for (const name of WEBHOOK_EVENT_NAMES) expect([name, webhookPayloadErrors(webhookExample(name))]).toEqual([name, []])
})

it('rejects a payload without contactIdentity, with a wrong schema version or a string eventTime', () => {
  const good = sampleWebhookPayload('contact.deleted', Date.UTC(2026, 0, 1))
  const { contactIdentity: _, ...noIdentity } = good
  expect(webhookPayloadErrors(noIdentity)).not.toEqual([])
  expect(webhookPayloadErrors({ ...good, webhookSchemaVersion: '2.0.0' })).not.toEqual([])
  expect(webhookPayloadErrors({ ...good, eventTime: '1734425918' })).not.toEqual([])
})

it('builds a sample payload of every event that validates against its OpenAPI schema', () => {
  for (const name of WEBHOOK_EVENT_NAMES) {
    const payload = sampleWebhookPayload(name, Date.UTC(2026, 0, 1, 0, 0, 0, 999))
    expect(payload.eventTime).toBe(Date.UTC(2026, 0, 1) / 1000)
    expect([name, webhookPayloadErrors(payload)]).toEqual([name, []])
  }
})

it('puts eventTime in whole Unix seconds', () => {
  expect(testEventPayload(1734425918_999).eventTime).toBe(1734425918)
})
