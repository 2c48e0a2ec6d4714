import type { WebhookEventName } from './webhook-event-names.ts'

/** Every payload carries this version (Loops' OpenAPI `webhookSchemaVersion: const 1.0.0`). */
export const WEBHOOK_SCHEMA_VERSION = '1.0.0' as const

export interface WebhookContactIdentity {
  id: string
  email: string
  userId: string | null
}

export interface WebhookMailingList {
  id: string
  name: string
  description: string | null
  isPublic: boolean
}

export interface WebhookEmail {
  id: string
  emailMessageId: string
  subject: string
}

/** A contact as `contact.created` carries it: `contacts/find`'s shape, custom properties included. */
export type WebhookContact = {
  id: string
  email: string
  firstName: string | null
  lastName: string | null
  source: string
  subscribed: boolean
  userGroup: string
  userId: string | null
  mailingLists: Record<string, boolean>
  optInStatus: 'accepted' | 'pending' | 'rejected' | null
} & Record<string, unknown>

/** The fields every Loops webhook payload has; `contactIdentity` on all but `testing.testEvent`. */
export interface WebhookPayload {
  eventName: WebhookEventName
  /** Unix seconds */
  eventTime: number
  webhookSchemaVersion: typeof WEBHOOK_SCHEMA_VERSION
  contactIdentity?: WebhookContactIdentity
  [field: string]: unknown
}
