import {
  WEBHOOK_SCHEMA_VERSION,
  type WebhookContact,
  type WebhookContactIdentity,
  type WebhookEmail,
  type WebhookMailingList,
  type WebhookPayload,
} from './webhook-payload.ts'

/**
 * Builders for each payload the mock emits, in Loops' field order (eventName, eventTime, webhookSchemaVersion,
 * then the event's own fields). `at` is epoch milliseconds; `eventTime` is whole Unix seconds.
 */
const base = (eventName: WebhookPayload['eventName'], at: number): WebhookPayload => ({
  eventName,
  eventTime: Math.floor(at / 1000),
  webhookSchemaVersion: WEBHOOK_SCHEMA_VERSION,
})

export const identityOf = (contact: { id: string; email: string; userId: string | null }): WebhookContactIdentity => ({
  id: contact.id,
  email: contact.email,
  userId: contact.userId,
})

export function contactCreatedPayload(at: number, contact: WebhookContact): WebhookPayload {
  return { ...base('contact.created', at), contactIdentity: identityOf(contact), contact }
}

export function contactUnsubscribedPayload(at: number, identity: WebhookContactIdentity): WebhookPayload {
  return { ...base('contact.unsubscribed', at), contactIdentity: identity }
}

export function contactDeletedPayload(at: number, identity: WebhookContactIdentity): WebhookPayload {
  return { ...base('contact.deleted', at), contactIdentity: identity }
}

export function mailingListPayload(at: number, subscribed: boolean, identity: WebhookContactIdentity, mailingList: WebhookMailingList): WebhookPayload {
  const name = subscribed ? 'contact.mailingList.subscribed' : 'contact.mailingList.unsubscribed'
  return { ...base(name, at), contactIdentity: identity, mailingList }
}

export interface TransactionalSend {
  transactionalId: string
  transactionalName: string
  email: WebhookEmail
}

export function transactionalSentPayload(at: number, identity: WebhookContactIdentity, send: TransactionalSend): WebhookPayload {
  return {
    ...base('transactional.email.sent', at),
    contactIdentity: identity,
    transactionalId: send.transactionalId,
    transactionalName: send.transactionalName,
    email: send.email,
  }
}

/** `email.delivered` for a transactional email (`sourceType: "transactional"`). */
export function transactionalDeliveredPayload(at: number, identity: WebhookContactIdentity, send: TransactionalSend): WebhookPayload {
  return {
    ...base('email.delivered', at),
    sourceType: 'transactional',
    transactionalId: send.transactionalId,
    email: send.email,
    contactIdentity: identity,
  }
}

/** What Loops' "Send test event" button sends. */
export function testEventPayload(at: number): WebhookPayload {
  return { ...base('testing.testEvent', at), message: 'test' }
}
