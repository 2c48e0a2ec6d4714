import type { WebhookEventName } from './webhook-event-names.ts'
import { WEBHOOK_SCHEMA_VERSION, type WebhookPayload } from './webhook-payload.ts'

// Realistic values in the shape of Loops' OpenAPI examples, so a receiver sees what Loops would send.
const identity = { id: 'cm4ittmhq0011ow9h6fb460yw', email: 'ada@example.com', userId: 'user_1815' }
const email = { id: 'cm4t1sseg004tje7982991nan', emailMessageId: 'cm4ittv1v001oow9hruou8na8', subject: 'Welcome to Acme' }
const list = { id: 'cm4ittp2k000l12j3lgrzvlxt', name: 'Product updates', description: 'New features, monthly', isPublic: true }
const campaign = { sourceType: 'campaign', campaignId: 'cm4t1suns001uw6atri87v54s' }

const FIELDS: Record<WebhookEventName, Record<string, unknown>> = {
  'contact.created': {
    contactIdentity: identity,
    contact: {
      ...identity,
      firstName: 'Ada',
      lastName: 'Lovelace',
      source: 'API',
      subscribed: true,
      userGroup: 'founders',
      userId: identity.userId,
      plan: 'pro',
      mailingLists: { [list.id]: true },
      optInStatus: 'accepted',
    },
  },
  'contact.unsubscribed': { contactIdentity: identity },
  'contact.deleted': { contactIdentity: identity },
  'contact.mailingList.subscribed': { contactIdentity: identity, mailingList: list },
  'contact.mailingList.unsubscribed': { contactIdentity: identity, mailingList: list },
  'campaign.email.sent': { contactIdentity: identity, campaignId: campaign.campaignId, campaignName: 'November newsletter', email, mailingLists: [list] },
  'loop.email.sent': { contactIdentity: identity, loopId: 'cm4t2a8e5000108l4bzq5e5qa', loopName: 'Onboarding', email, mailingLists: [] },
  'transactional.email.sent': { contactIdentity: identity, transactionalId: 'cm4t1rm8k0001l2j3e4d6yrfw', transactionalName: 'Password reset', email },
  'email.delivered': { ...campaign, email, contactIdentity: identity },
  'email.softBounced': { ...campaign, email, contactIdentity: identity },
  'email.hardBounced': { ...campaign, email, contactIdentity: identity },
  'email.opened': { ...campaign, email, contactIdentity: identity },
  'email.clicked': { ...campaign, email, contactIdentity: identity },
  'email.unsubscribed': { ...campaign, email, contactIdentity: identity },
  'email.resubscribed': { ...campaign, email, contactIdentity: identity },
  'email.spamReported': { ...campaign, email, contactIdentity: identity },
  'testing.testEvent': { message: 'test' },
}

/** A realistic payload of any Loops webhook event, stamped with `at` (epoch ms). */
export function sampleWebhookPayload(eventName: WebhookEventName, at: number): WebhookPayload {
  return { eventName, eventTime: Math.floor(at / 1000), webhookSchemaVersion: WEBHOOK_SCHEMA_VERSION, ...structuredClone(FIELDS[eventName]) }
}
