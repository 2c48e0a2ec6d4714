/** Every event Loops sends to a webhook endpoint, in the order Loops' settings page lists them. */
export const WEBHOOK_EVENT_NAMES = [
  'contact.created',
  'contact.unsubscribed',
  'contact.deleted',
  'contact.mailingList.subscribed',
  'contact.mailingList.unsubscribed',
  'campaign.email.sent',
  'loop.email.sent',
  'transactional.email.sent',
  'email.delivered',
  'email.softBounced',
  'email.hardBounced',
  'email.opened',
  'email.clicked',
  'email.unsubscribed',
  'email.resubscribed',
  'email.spamReported',
  'testing.testEvent',
] as const

export type WebhookEventName = (typeof WEBHOOK_EVENT_NAMES)[number]

const NAMES: ReadonlySet<string> = new Set(WEBHOOK_EVENT_NAMES)

export function isWebhookEventName(value: unknown): value is WebhookEventName {
  return typeof value === 'string' && NAMES.has(value)
}
